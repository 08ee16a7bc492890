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
app's controls only once they work. The stylesheet Trunk built (minified, `style-<hash>.css`) is
put into index.html as a `<style>`: the first paint is drawn when the HTML is here, not one round
trip later when its stylesheet would be (on slow 3G that halves the wait for the box), and it does
not share the link with the WebAssembly meanwhile; `scripts/csp-hash.py` allows it by its hash.
A page without the div (the size floor) is left as it is.
"""
import os
import re
import subprocess
import sys

import trunk_hook

staging = trunk_hook.staging("first-paint")
html = trunk_hook.read_index(staging)
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
# The stylesheet, in the page: the link Trunk wrote (quoted or not) becomes the sheet itself.
sheet = re.search(r"""<link [^>]*href=("?)\./(style-[0-9a-f]+\.css)\1[^>]*>""", html)
if not sheet or not re.search(r"\brel=\"?stylesheet", sheet.group(0)):
    sys.exit("first-paint: no stylesheet link from Trunk in index.html")
sheet_path = os.path.join(staging, sheet.group(2))
with open(sheet_path, encoding="utf-8") as f:
    css = f.read()
if "</" in css:
    sys.exit("first-paint: the stylesheet holds '</': it cannot go into a <style> as it is")
html = html.replace(sheet.group(0), f"<style>{css}</style>")
os.remove(sheet_path)
trunk_hook.write_index(staging, html)
print(f"first-paint: {len(en)} and {len(fr)} bytes of HTML and {len(css)} of styles before the WebAssembly")
