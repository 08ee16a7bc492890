#!/usr/bin/env python3
"""Trunk post-build hook: the page's JavaScript (wasm-bindgen's glue, and the initializer that
shows the WebAssembly's progress, static/acr-doctor-start.js) minified by terser (npm, installed
with the build's other npm tools by scripts/setup.sh), and the initializer named as the page's
other files are.

Trunk's own JavaScript minifier cannot parse either (it leaves them whole, with a warning); terser
reads them as the ES modules they are and halves the glue (about 2 KB gzipped). The Subresource
Integrity hash Trunk wrote for each in index.html is written again for the new bytes, so the
browser still checks what it runs. Trunk names the initializer `<hash>-acr-doctor-start.js`; it
becomes `acr-doctor-start-<hash>.js`, the form the hosting recipes keep a year and the service
worker keeps for offline use. In a debug build the scripts are left as they are, but the
initializer is still renamed.
"""
import base64
import glob
import hashlib
import os
import re
import subprocess
import sys

import trunk_hook

release = os.environ.get("TRUNK_PROFILE") == "release"
staging = trunk_hook.staging("minify-js")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
terser = os.path.join(root, "tests", "e2e", "node_modules", "terser", "bin", "terser")
if release and not os.path.exists(terser):
    sys.exit("minify-js: terser is not installed: run scripts/setup.sh")

html = trunk_hook.read_index(staging)
# The glue: the scripts index.html names by a hashed name (the service worker is copied as is).
names = [
    os.path.basename(p)
    for p in glob.glob(os.path.join(staging, "*.js"))
    if os.path.basename(p) != "sw.js" and os.path.basename(p) in html
]
done = []
for name in names:
    path = os.path.join(staging, name)
    if release:
        subprocess.run(
            ["node", terser, path, "--module", "--compress", "--mangle", "--output", path],
            check=True,
        )
    with open(path, "rb") as f:
        data = f.read()
    digest = base64.b64encode(hashlib.sha384(data).digest()).decode()
    start = re.fullmatch(r"[0-9a-f]+-(acr-doctor-start)\.js", name)
    if start:
        renamed = f"{start.group(1)}-{hashlib.sha256(data).hexdigest()[:16]}.js"
        os.replace(path, os.path.join(staging, renamed))
        if html.count("./" + name) != 2:
            sys.exit(f"minify-js: expected {name} named twice in index.html (preload, import)")
        html = html.replace("./" + name, "./" + renamed)
        name = renamed
    done.append(name)
    if not release:
        continue
    # The integrity attribute of the element that names this file, quoted or not.
    pattern = re.compile(
        r"(<[^>]*\./" + re.escape(name) + r"[^>]*\bintegrity=)(\"?)sha384-[A-Za-z0-9+/=]+"
    )
    html, count = pattern.subn(lambda m: f"{m.group(1)}{m.group(2)}sha384-{digest}", html)
    if count != 1:
        sys.exit(f"minify-js: expected one integrity attribute for {name}, found {count}")
trunk_hook.write_index(staging, html)
print(f"minify-js: {', '.join(done) or 'no script'}{' minified' if release else ''}")
