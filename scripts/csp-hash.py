#!/usr/bin/env python3
"""Trunk post-build hook: allow exactly the page's inline scripts and styles, by their hash.

Trunk's loader is an inline <script type="module">, index.html has a script of its own (the first
paint's), and the stylesheet is put into the page as a <style> (scripts/first-paint.py). Instead of
'unsafe-inline', the page's CSP names the SHA-256 of each inline script (script-src) and style
(style-src) in the built index.html, computed here after Trunk has written it. The source
index.html holds the placeholders 'sha256-TRUNK-INLINE' and 'sha256-TRUNK-STYLE'; a build whose
placeholder was not replaced fails (and a page without the hash would not start, or not be
styled: fail closed). A page with no style placeholder (the size floor) has no inline style.
"""
import base64
import hashlib
import re
import sys

import trunk_hook

PLACEHOLDER = "'sha256-TRUNK-INLINE'"
STYLE_PLACEHOLDER = "'sha256-TRUNK-STYLE'"

staging = trunk_hook.staging("csp-hash")
html = trunk_hook.read_index(staging)


def hashes(contents):
    return " ".join(sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(c.encode("utf-8")).digest()).decode() + "'"
        for c in contents
    }))


scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
if not scripts:
    sys.exit("csp-hash: no inline script found: Trunk's loader changed, check the CSP by hand")
if html.count(PLACEHOLDER) != 1:
    sys.exit(f"csp-hash: expected one {PLACEHOLDER} in index.html's CSP")
html = html.replace(PLACEHOLDER, hashes(scripts))
styles = re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.S)
if html.count(STYLE_PLACEHOLDER) > 1 or bool(styles) != (STYLE_PLACEHOLDER in html):
    sys.exit(f"csp-hash: {len(styles)} inline style(s) for {html.count(STYLE_PLACEHOLDER)} {STYLE_PLACEHOLDER}")
if styles:
    html = html.replace(STYLE_PLACEHOLDER, hashes(styles))
trunk_hook.write_index(staging, html)
print(f"csp-hash: {len(scripts)} inline script(s) and {len(styles)} style(s) allowed by hash")
