#!/usr/bin/env python3
"""Finds runts in a PDF, read with `pdftotext -bbox-layout` (poppler), not
from galley's own layout dump (issue 18): a page holding one to four lines
of text, or, on a page set in columns, one of two or more columns of the
same band holding one to four lines (balanced columns that leave a line or
two in the last, or that share a short tail out a line or two each).

A page's band of columns is what lies below a line across the columns (the
head, a section's name) and above the next; a line belongs to the column
its left edge falls in, the columns being where the theme (the TOML that
`galley styles NAME` prints, read with tomllib) puts them. Lines are counted by
baseline, so a table row or a line of several runs counts once. Running
heads and folios (in the theme's top and bottom margins) are not text, and a
page that holds a picture (`pdfimages -list`) is passed over: its few lines
may be a caption under a page of figure.

Prints each runt and exits 1 when there is one; with --summary, prints what
it counted.

usage: pdf_runts.py FILE.pdf --theme THEME.toml [--summary]
"""
import collections
import re
import subprocess
import sys
import tomllib

FEWEST_LINES = 5
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pages_of(pdf, page_style):
    """Each page's words as (x_min, y_min, x_max, y_max, text), in poppler's
    lines (lists), running heads and folios left out."""
    out = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for width, height, body in PAGE.findall(out):
        width, height = float(width), float(height)
        lines = []
        for line in LINE.findall(body):
            words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(line[4])]
            middle = (float(line[1]) + float(line[3])) / 2
            if words and page_style.get('margin_top', 0) < middle < height - page_style.get('margin_bottom', 0):
                lines.append(words)
        pages.append((width, lines))
    return pages


def pages_with_pictures(pdf):
    out = subprocess.run(['pdfimages', '-list', pdf], capture_output=True, text=True, check=True).stdout
    return {int(row.split()[0]) for row in out.splitlines()[2:] if row.split()}


class Columns:
    """The theme's columns on a page of `width` points; with mirrored
    margins, the page's lines tell which margin is on the left."""

    def __init__(self, page, width, lines):
        self.count = page.get('columns', 1)
        inner, outer = page.get('margin_inner', 0), page.get('margin_outer', 0)
        leftmost = min((word[0] for line in lines for word in line), default=inner)
        self.left = min((inner, outer), key=lambda margin: abs(margin - leftmost)) if leftmost < inner - 1 else inner
        right = width - (outer if self.left == inner else inner)
        self.pitch = (right - self.left + page.get('gutter', 0)) / self.count
        heights = sorted(w[3] - w[1] for line in lines for w in line)
        self.body_height = heights[len(heights) // 2] if heights else 0

    def of(self, x):
        # An opening quote hangs a little left of its column's edge.
        return min(self.count - 1, max(0, int((x - self.left + 3) // self.pitch)))

    def pieces(self, words):
        """A poppler line as lines of text: poppler joins the lines of
        neighbouring columns that share a baseline, so body text is cut
        where the column changes; display type (the head) stays whole."""
        heights = sorted(w[3] - w[1] for w in words)
        if self.count == 1 or heights[len(heights) // 2] > 1.5 * self.body_height:
            return [joined(words)]
        result, piece = [], []
        for word in words:
            if piece and self.of(word[0]) != self.of(piece[-1][0]):
                result.append(joined(piece))
                piece = []
            piece.append(word)
        result.append(joined(piece))
        return result


def joined(words):
    return (words[0][0], min(w[1] for w in words), words[-1][2], max(w[3] for w in words),
            ' '.join(w[4] for w in words))


def baselines(lines):
    """How many distinct baselines the lines stand on (within 2 points)."""
    count, last = 0, None
    for bottom in sorted(line[3] for line in lines):
        if last is None or bottom - last > 2:
            count += 1
        last = bottom
    return count


def runts(pdf, theme):
    pages = pages_of(pdf, theme.get('page', {}))
    pictures = pages_with_pictures(pdf)
    problems = []
    counted = {'pages': len(pages), 'bands': 0, 'columns': 0}
    for number, (width, page) in enumerate(pages, 1):
        if number in pictures:
            continue
        columns = Columns(theme.get('page', {}), width, page)
        count = columns.count
        lines = [piece for line in page for piece in columns.pieces(line)]
        by_column = collections.defaultdict(list)
        for line in lines:
            by_column[columns.of(line[0])].append(line)
        total = sum(baselines(set_lines) for set_lines in by_column.values())
        if 0 < total < FEWEST_LINES and len(pages) > 1:
            problems.append(f'page {number} holds {total} line(s)')
        if count == 1:
            continue
        # Bands of columns between the lines that run across them.
        across = [line for line in lines if line[2] - line[0] > 1.2 * columns.pitch]
        limits = [-1.0] + sorted(line[3] for line in across) + [1e9]
        for top, bottom in zip(limits, limits[1:]):
            band = [line for line in lines if top < line[1] and line[3] <= bottom and line not in across]
            if not band:
                continue
            counted['bands'] += 1
            by_column = collections.defaultdict(list)
            for line in band:
                by_column[columns.of(line[0])].append(line)
            counts = {column: baselines(set_lines) for column, set_lines in sorted(by_column.items())}
            counted['columns'] += len(counts)
            if len(counts) < 2:
                continue
            for column, lines_in_column in counts.items():
                if lines_in_column < FEWEST_LINES:
                    first = min(by_column[column], key=lambda line: line[1])[4]
                    problems.append(f'page {number}, column {column + 1} (of {len(counts)} set) holds '
                                    f'{lines_in_column} line(s): {first}')
    return problems, counted


def main():
    args = sys.argv[1:]
    if len(args) < 3 or args[1] != '--theme':
        sys.exit(__doc__)
    with open(args[2], 'rb') as theme:
        problems, counted = runts(args[0], tomllib.load(theme))
    for problem in problems:
        print('FAIL: runt:', problem)
    if '--summary' in args:
        print(' '.join(f'{k}={v}' for k, v in counted.items()), f'runts={len(problems)}')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
