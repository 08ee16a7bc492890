"""What the post-build hooks of Trunk.toml share: Trunk's staging directory (the page being built,
before it becomes dist/), and its index.html, read and written."""
import os
import sys


def staging(hook):
    """The staging directory, or the hook stops with why (it runs only as a Trunk hook)."""
    directory = os.environ.get("TRUNK_STAGING_DIR")
    if not directory:
        sys.exit(f"{hook}: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)")
    return directory


def read_index(directory):
    with open(os.path.join(directory, "index.html"), encoding="utf-8") as f:
        return f.read()


def write_index(directory, html):
    with open(os.path.join(directory, "index.html"), "w", encoding="utf-8") as f:
        f.write(html)
