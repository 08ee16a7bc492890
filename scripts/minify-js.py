#!/usr/bin/env python3
"""Trunk post-build hook: a release build's JavaScript glue minified by terser (npm, installed
with the build's other npm tools by scripts/setup.sh).

Trunk's own JavaScript minifier cannot parse wasm-bindgen's output (it leaves it whole, with a
warning); terser reads it as the ES module it is and halves it (about 2 KB gzipped). The file
keeps its name; the Subresource Integrity hash Trunk wrote for it in index.html is written again
for the new bytes, so the browser still checks what it runs. A debug build is left as it is.
"""
import base64
import glob
import hashlib
import os
import re
import subprocess
import sys

if os.environ.get("TRUNK_PROFILE") != "release":
    print("minify-js: debug build, left as it is")
    sys.exit(0)
staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("minify-js: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
terser = os.path.join(root, "tests", "e2e", "node_modules", "terser", "bin", "terser")
if not os.path.exists(terser):
    sys.exit("minify-js: terser is not installed: run scripts/setup.sh")

index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()
# The glue: the scripts index.html names by a hashed name (the service worker is copied as is).
names = [
    os.path.basename(p)
    for p in glob.glob(os.path.join(staging, "*.js"))
    if os.path.basename(p) != "sw.js" and os.path.basename(p) in html
]
for name in names:
    path = os.path.join(staging, name)
    subprocess.run(
        ["node", terser, path, "--module", "--compress", "--mangle", "--output", path],
        check=True,
    )
    with open(path, "rb") as f:
        digest = base64.b64encode(hashlib.sha384(f.read()).digest()).decode()
    # The integrity attribute of the element that names this file, quoted or not.
    pattern = re.compile(
        r"(<[^>]*\./" + re.escape(name) + r"[^>]*\bintegrity=)(\"?)sha384-[A-Za-z0-9+/=]+"
    )
    html, count = pattern.subn(lambda m: f"{m.group(1)}{m.group(2)}sha384-{digest}", html)
    if count != 1:
        sys.exit(f"minify-js: expected one integrity attribute for {name}, found {count}")
with open(index, "w", encoding="utf-8") as f:
    f.write(html)
print(f"minify-js: {', '.join(names) or 'no script'} minified")
