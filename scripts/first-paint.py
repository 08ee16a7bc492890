#!/usr/bin/env python3
"""Trunk post-build hook: the page's first paint, rendered by Yew's server renderer.

index.html holds an empty `<div id="first-paint">`; this fills it with what `src/bin/prerender.rs`
renders (`ui::shell::Shell`: the title, the paste box as the app lays it out, the privacy line and
a "loading the explainer" line), so a person on a slow link has the box before the WebAssembly.
It is rendered in English and in French, each into a `<template>` after the div
(`first-paint-en`, `first-paint-fr`); index.html's script puts the one the app will start in into
the div, so no frame ever shows the other language. (Without scripts there is no first paint: the
page cannot work, and its <noscript> says what it needs.)
When the app's box appears, index.html's script takes it out and does on the app what was done on it.
Its test hooks are renamed (`data-testid` → `data-first-paint`): a test, or a script, finds the
app's controls only once they work. A page without the div (the size floor) is left as it is.
"""
import os
import re
import subprocess
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("first-paint: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)")
index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()
slot = re.search(r"""<div id=("?)first-paint\1></div>""", html)
if not slot:
    print("first-paint: no slot in this page")
    sys.exit(0)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shell(lang):
    html = subprocess.run(
        ["cargo", "run", "-q", "--bin", "prerender", lang],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout.strip()
    if "<textarea" not in html:
        sys.exit(f"first-paint: the server renderer gave no paste box ({lang})")
    return html.replace("data-testid=", "data-first-paint=")


en, fr = shell("en"), shell("fr")
html = (html[: slot.start()] + '<div id="first-paint"></div>'
        + f'<template id="first-paint-en">{en}</template>'
        + f'<template id="first-paint-fr">{fr}</template>' + html[slot.end():])
with open(index, "w", encoding="utf-8") as f:
    f.write(html)
print(f"first-paint: {len(en)} and {len(fr)} bytes of HTML before the WebAssembly")
