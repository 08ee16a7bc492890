#!/usr/bin/env python3
"""Trunk post-build hook: allow exactly the page's inline scripts, by their hash.

Trunk's loader is an inline <script type="module">, and index.html has one line of its own (the
drop guard of the first paint). Instead of 'unsafe-inline', the page's CSP
names the SHA-256 of each inline script in the built index.html, computed here after Trunk has
written it. The source index.html holds the placeholder 'sha256-TRUNK-INLINE'; a build whose
placeholder was not replaced fails (and a page without the hash would not start: fail closed).
"""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "'sha256-TRUNK-INLINE'"

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp-hash: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)")
path = os.path.join(staging, "index.html")
with open(path, encoding="utf-8") as f:
    html = f.read()

inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
if not inline:
    sys.exit("csp-hash: no inline script found: Trunk's loader changed, check the CSP by hand")
hashes = sorted({
    "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
    for s in inline
})
if html.count(PLACEHOLDER) != 1:
    sys.exit(f"csp-hash: expected one {PLACEHOLDER} in index.html's CSP")
html = html.replace(PLACEHOLDER, " ".join(hashes))
with open(path, "w", encoding="utf-8") as f:
    f.write(html)
print(f"csp-hash: {len(hashes)} inline script(s) allowed by hash")
