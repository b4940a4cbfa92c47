#!/usr/bin/env python3
"""Finds characters a PDF shows with a font that has no glyph for them: the
.notdef box a reader sees as an empty rectangle (issue 18). `mutool trace`
(mupdf-tools) lists every glyph drawn with its font and the text it stands
for; fontconfig says whether that font covers the text's characters. Fonts
cairo made itself (CairoFont-*, a synthesised bold or a Type 3 font) are not
installed fonts and are left out.

Prints each missing character with its font and page and exits 1 when there
is one.

usage: missing_glyphs.py FILE.pdf...
"""
import html
import re
import subprocess
import sys

PAGE = re.compile(r'<page number="(\d+)"')
SPAN = re.compile(r'<span font="(?:[A-Z]{6}\+)?([^"]+)"')
GLYPH = re.compile(r'<g unicode="([^"]*)"')


def shown_characters(pdf):
    """{font name: {code point: first page it is shown on}}."""
    trace = subprocess.run(['mutool', 'trace', pdf], capture_output=True, text=True, check=True).stdout
    fonts, page, font = {}, 0, None
    for line in trace.splitlines():
        if m := PAGE.search(line):
            page = int(m.group(1))
        elif m := SPAN.search(line):
            font = m.group(1)
        elif (m := GLYPH.search(line)) and font:
            for char in html.unescape(m.group(1)):
                if ord(char) >= 0x20:
                    fonts.setdefault(font, {}).setdefault(ord(char), page)
    return fonts


def covers(font, code_points):
    """Whether the installed font of this PostScript name has all these characters."""
    charset = ' '.join(f'{c:x}' for c in code_points)
    found = subprocess.run(['fc-list', f':postscriptname={font}:charset={charset}', 'file'],
                           capture_output=True, text=True, check=True).stdout
    return bool(found.strip())


def missing(pdf):
    problems = []
    for font, chars in shown_characters(pdf).items():
        if font.startswith('CairoFont') or covers(font, chars):
            continue
        if not covers(font, []):
            problems.append(f'{pdf}: font {font} is not installed, so its glyphs cannot be checked')
            continue
        for char, page in sorted(chars.items()):
            if not covers(font, [char]):
                problems.append(f'{pdf}: page {page}: no glyph for U+{char:04X} {chr(char)!r} in {font}')
    return problems


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    problems = [problem for pdf in sys.argv[1:] for problem in missing(pdf)]
    for problem in problems:
        print('FAIL:', problem)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
