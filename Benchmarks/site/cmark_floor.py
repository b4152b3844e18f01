#!/usr/bin/env python3
"""Times libcmark alone on a course: the floor under any site build that uses it.

Reads every `*.md` file of a content folder, strips the front matter, and converts each
body to HTML with libcmark's `cmark_markdown_to_html` (through ctypes, one thread, no
file writing). Prints the best of several passes, so that `coursegen build` can be
compared with the time its Markdown library needs.

Usage: cmark_floor.py CONTENT_DIR [--passes N]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import sys
import time
from pathlib import Path

CMARK_OPT_SOURCEPOS = 1 << 1


def load_cmark() -> ctypes.CDLL:
    name = ctypes.util.find_library("cmark") or "libcmark.so"
    lib = ctypes.CDLL(name)
    lib.cmark_markdown_to_html.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
    lib.cmark_markdown_to_html.restype = ctypes.c_void_p
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.free.argtypes = [ctypes.c_void_p]
    lib.free_c = libc.free  # type: ignore[attr-defined]
    return lib


def body(text: str) -> bytes:
    """The lesson without its `---` front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            text = text[end + 5:]
    return text.encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()

    bodies = [body(p.read_text(encoding="utf-8")) for p in sorted(args.content.glob("*.md"))]
    if not bodies:
        print(f"cmark_floor.py: no *.md files in {args.content}", file=sys.stderr)
        return 1
    cmark = load_cmark()
    best = float("inf")
    out_bytes = 0
    for _ in range(args.passes):
        start = time.perf_counter()
        out_bytes = 0
        for source in bodies:
            pointer = cmark.cmark_markdown_to_html(source, len(source), CMARK_OPT_SOURCEPOS)
            out_bytes += len(ctypes.string_at(pointer))
            cmark.free_c(pointer)
        best = min(best, time.perf_counter() - start)
    print(f"libcmark: {len(bodies)} lessons, {sum(map(len, bodies))} bytes in, "
          f"{out_bytes} bytes of HTML out, best of {args.passes}: {best * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
