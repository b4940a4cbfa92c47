#!/usr/bin/env python3
"""Checks a layout dump (`galley inspect FILE --layout`) for the page-making
rules of issue 5: no orphan (a paragraph's first line alone at the foot of a
column), no widow (its last line alone at the head of one), no heading at the
foot of a column (cut from what follows it), and no figure split; and those
of issue 18: no hyphenated line in display type (headings, teasers and pull
quotes, captions) and no runt (a last page, or the last column of a page in
columns, holding one to four lines).

A column break shows in the dump as a line that is on another page than the
one before it, or higher up and further right on the same page. Prints each violation and
exits 1 when there is one; with --summary, prints the counts it checked.

usage: layout_rules.py DUMP [--summary]
"""
import re
import sys

TEXT = re.compile(r'^\s+text x=([\d.-]+) y=([\d.-]+) w=[\d.-]+ font="[^"]*?([\d.]+)"')
PAGE = re.compile(r'^page (\d+) .*size=[\d.]+x([\d.]+)')
MARK = re.compile(r'^\s+(begin|end) (\S+)')


def lines_of(dump):
    """Yields ('page', n, height), ('begin'|'end', tag) and ('line', page, x, y, text)."""
    page = 0
    for raw in dump.splitlines():
        if m := PAGE.match(raw):
            page = int(m.group(1))
            yield ('page', page, float(m.group(2)))
        elif m := MARK.match(raw):
            yield (m.group(1), m.group(2))
        elif m := TEXT.match(raw):
            yield ('line', page, float(m.group(1)), float(m.group(2)), float(m.group(3)), raw.strip())


def quoted_text(raw):
    """The text of a dump's text line, without its quotes."""
    return raw[raw.index('" "') + 3:-1] if '" "' in raw else ''


def breaks_between(a, b):
    """Whether a column (or page) break falls between two set lines: the
    second is on a later page, or well higher up and a column further right
    (a superscript sits a little higher, a drop cap's baseline lower than
    the lines beside it, neither a column away)."""
    return a[0] != b[0] or (b[2] < a[2] - 20 and b[1] > a[1] + 50)


def check(dump):
    # Blocks as they nest: each is a tag and the set lines (page, x, y) in it,
    # lines of the same baseline merged (a line of several runs).
    blocks = []  # (tag, [lines]) for every closed block, in order of ending
    order = []   # every block and every line, in reading order, for the heading rule
    stack = []
    page_heights = {}
    for event in lines_of(dump):
        if event[0] == 'page':
            page_heights[event[1]] = event[2]
        elif event[0] == 'begin':
            block = (event[1], [])
            stack.append(block)
            order.append(('begin', block))
        elif event[0] == 'end':
            if stack:
                block = stack.pop()
                blocks.append(block)
                order.append(('end', block))
        elif event[0] == 'line':
            _, page, x, y, size, text = event
            line = [page, x, y, text, text]  # its first run, and its last (a line may have several)
            # A drop cap: the first text of a paragraph, set far larger than
            # what follows; the lines beside it are what count.
            if stack and stack[-1][0] == 'P' and not stack[-1][1] and size > 24:
                continue
            for block in stack:
                if not block[1] or block[1][-1][0] != page or abs(block[1][-1][2] - y) > 0.5:
                    block[1].append(line)
                else:
                    block[1][-1][4] = text
            order.append(('line', line))
    problems = []
    counts = {'paragraphs': 0, 'headings': 0, 'figures': 0, 'column_breaks_in_paragraphs': 0}
    for tag, lines in blocks:
        if tag == 'P' and len(lines) >= 2:
            counts['paragraphs'] += 1
            for i in range(len(lines) - 1):
                if breaks_between(lines[i], lines[i + 1]):
                    counts['column_breaks_in_paragraphs'] += 1
                    if i == 0:
                        problems.append(f'orphan on page {lines[0][0]}: {lines[0][3]}')
                    if i + 2 == len(lines):
                        problems.append(f'widow on page {lines[-1][0]}: {lines[-1][3]}')
        elif tag == 'Figure':
            counts['figures'] += 1
            for i in range(len(lines) - 1):
                if breaks_between(lines[i], lines[i + 1]):
                    problems.append(f'figure split on page {lines[i][0]}: {lines[i][3]}')
    # Display type is never hyphenated: a line of a heading, a teaser or a
    # caption that ends in a letter and a hyphen, the next line going on in
    # lower case, is a word the breaker cut.
    for tag, lines in blocks:
        if not re.fullmatch(r'H[1-6]|Div|Figure|Caption', tag):
            continue
        counts['display_lines'] = counts.get('display_lines', 0) + len(lines)
        for line, following in zip(lines, lines[1:]):
            text, next_text = quoted_text(line[4]), quoted_text(following[3]).lstrip()
            if re.search(r'[^\W\d_]-$', text) and next_text[:1].islower():
                problems.append(f'hyphenated display line on page {line[0]}: {text}')
    # No runt: the last page, or the last column of a page set in columns,
    # holds five lines or more (or none).
    last_page = max((line[0] for kind, line in order if kind == 'line'), default=0)
    # Running heads and folios sit in the top and bottom margins: not text.
    page_lines = [line for kind, line in order if kind == 'line' and line[0] == last_page
                  and 0.07 * page_heights.get(last_page, 1e9) < line[2] < 0.93 * page_heights.get(last_page, 0)]
    baselines = []  # the last page's lines in reading order, one per baseline
    for line in page_lines:
        if not baselines or abs(baselines[-1][2] - line[2]) > 0.5 or breaks_between(baselines[-1], line):
            baselines.append(line)
    column_start = 0
    for i in range(1, len(baselines)):
        if breaks_between(baselines[i - 1], baselines[i]):
            column_start = i
    last_column = len(baselines) - column_start
    counts['last_column_lines'] = last_column
    if last_page > 1 or column_start > 0:
        if 0 < last_column < 5:
            where = 'page' if column_start == 0 else 'column'
            problems.append(f'runt: the last {where} (page {last_page}) holds {last_column} line(s)')
    # A heading's last line and the first line set after the heading ends.
    for index, (kind, item) in enumerate(order):
        if kind != 'end' or not re.fullmatch(r'H[1-6]', item[0]) or not item[1]:
            continue
        counts['headings'] += 1
        last = item[1][-1]
        following = next((entry[1] for entry in order[index + 1:] if entry[0] == 'line'), None)
        if following and breaks_between(last, following):
            problems.append(f'heading at the foot of a column on page {last[0]}: {last[3]}')
    return problems, counts


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 1:
        sys.exit(__doc__)
    problems, counts = check(open(args[0], encoding='utf-8').read())
    for problem in problems:
        print('FAIL:', problem)
    if '--summary' in sys.argv:
        print(' '.join(f'{k}={v}' for k, v in counts.items()), f'violations={len(problems)}')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
