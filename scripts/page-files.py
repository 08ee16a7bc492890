#!/usr/bin/env python3
"""Trunk post-build hook: the files the page fetches when asked for, named by their content.

Trunk copies `static/kit/` (the probe kits) and `static/data/` (the French, and what each code means beyond its fixes) as
directories; each file here becomes `<stem>-<hash>.<ext>` at the top of the page's files, and the
built index.html names them all in one <meta> the page reads. The service worker keeps every file
index.html names, so they work offline after one visit, and a kept file always matches the page
that names it.
"""
import hashlib
import os
import sys

import trunk_hook

# (directory Trunk copied, file, the <meta>'s attribute)
FILES = [
    ("kit", "acr-doctor-kit.sh", "data-kit-sh"),
    ("kit", "acr-doctor-kit.ps1", "data-kit-ps"),
    ("data", "acr-doctor-fr.json", "data-fr"),
    ("data", "acr-doctor-about.json", "data-about"),
    ("data", "acr-doctor-examples.txt", "data-examples"),
]

staging = trunk_hook.staging("page-files")
present = [d for d in sorted({d for d, _, _ in FILES}) if os.path.isdir(os.path.join(staging, d))]
if not present:
    # A page that fetches nothing (tests/size-floor): nothing to name.
    print("page-files: none in this build")
    sys.exit(0)
attrs = []
for directory, name, attr in FILES:
    path = os.path.join(staging, directory, name)
    with open(path, "rb") as f:
        data = f.read()
    stem, ext = name.rsplit(".", 1)
    hashed = f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}.{ext}"
    os.replace(path, os.path.join(staging, hashed))
    attrs.append(f'{attr}="./{hashed}"')
for directory in sorted({d for d, _, _ in FILES}):
    os.rmdir(os.path.join(staging, directory))
html = trunk_hook.read_index(staging)
if html.count("</head>") != 1:
    sys.exit("page-files: expected one </head> in index.html")
html = html.replace("</head>", f'<meta name="acr-doctor-files" {" ".join(attrs)} />\n  </head>')
trunk_hook.write_index(staging, html)
print("page-files: " + ", ".join(attrs))
