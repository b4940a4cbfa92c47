#!/usr/bin/env python3
# Copied from the shared tool ../shared/tools/pdf-spacing (galley's workspace
# tools), so that the tests need nothing outside the repository: the
# measure (median characters a line) and the punctuation hang of margin
# kerning (issue 18) included. It counts a line ending at a soft hyphen
# (U+00AD, which galley maps its drawn hyphen to, so copied text keeps the
# word whole) as hyphenated.
"""pdf-spacing: measure justification quality of a typeset PDF.

Uses `pdftotext -bbox-layout` (poppler-utils). For every text line that is not
the last line of its block, it measures the gaps between words. The natural
word space is taken as the median gap on block-final lines (which are set
ragged, so their spaces are unstretched). Reports, over justified lines:

  median / p95 of the mean word-space ratio (1.00 = natural space)
  share of lines whose mean ratio exceeds 1.5 (loose lines)
  share of lines ending in a hyphen (-, U+2010, or U+00AD as tagged PDFs
  write a line-end hyphen), and the longest run of them
  share of lines whose mean ratio is under 0.8 (squeezed lines)
  share of non-final lines that reach their block's right edge (justified);
  only those lines are measured, and ragged lines give the natural space
  median characters per non-final line (the measure)
  punctuation hang: how much further lines ending in punctuation reach past
  the right edge than lines ending in a letter, in ems (0 without margin
  kerning; pdfTeX's microtype hangs a period or comma about 0.1-0.2 em)

Usage: pdf-spacing FILE.pdf [--json] [--min-words N]
"""
import json, re, statistics, subprocess, sys

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')

def lines_of(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    for block in re.findall(r"<block.*?</block>", out, re.S):
        rows = [[(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(row)]
                for row in re.findall(r"<line.*?</line>", block, re.S)]
        ends = sorted(r[-1][2] for r in rows if len(r) >= 2)
        right = ends[len(ends) // 2] if ends else 0  # most lines of justified text end here
        heights = sorted(w[3] - w[1] for r in rows for w in r)
        tol = 0.35 * heights[len(heights) // 2] if heights else 1.5  # margin kerning may push a line out a little
        starts = sorted(r[0][0] for r in rows if r)
        left = starts[len(starts) // 2] if starts else 0  # most lines of the block start here
        for i, words in enumerate(rows):
            # A line is a paragraph's last when the block ends or the next line
            # is indented (a new paragraph that poppler put in the same block).
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            last = nxt is None or (bool(nxt) and nxt[0][0] - left > tol)
            yield words, last, (right, tol)

def hyphenated(word):
    return word.endswith(("-", "\u2010", "\u00ad")) and len(word) > 2 and word[-2].isalpha()  # U+00AD: a hyphen's ActualText

def measure(pdf, min_words=4):
    natural, justified = [], []
    hyph, run, longest, inner, flush_lines = 0, 0, 0, 0, 0
    chars, hang_punct, hang_letter = [], [], []
    for words, last, (right, tol) in lines_of(pdf):
        # Hyphenated lines in a row are counted over every line as it is read
        # (a paragraph's last line, a short line or a ragged one ends a run
        # unless it ends in a hyphen itself); the shared tool's run went on
        # past the lines it skips, so hyphens four lines apart in a list item,
        # after one that ended the paragraph before, counted as three.
        ends_hyphenated = bool(words) and hyphenated(words[-1][4])
        if ends_hyphenated:
            run += 1; longest = max(longest, run)
        else:
            run = 0
        if len(words) < min_words:
            continue
        if not last:
            chars.append(sum(len(w[4]) for w in words) + len(words) - 1)
        gaps = [words[k + 1][0] - words[k][2] for k in range(len(words) - 1)]
        gaps = [g for g in gaps if g > 0]
        if not gaps:
            continue
        flush = abs(right - words[-1][2]) <= tol
        if not last:
            inner += 1
        if last or not flush:
            natural.extend(gaps)  # a ragged line: its spaces are unstretched
            continue
        flush_lines += 1
        justified.append(statistics.mean(gaps))
        t = words[-1][4]
        size = words[-1][3] - words[-1][1]  # the line's type size, near enough
        if size > 0:
            # How far the line's last mark reaches past the column's edge, in ems:
            # margin kerning hangs punctuation out, letters stay on the edge.
            (hang_punct if t[-1] in ".,;:-\u2010\u00ad\u2019\u201d\"'" else hang_letter).append((words[-1][2] - right) / size)
        if ends_hyphenated:
            hyph += 1
    if not justified or not natural:
        return {"file": pdf, "lines": inner, "error": "too little justified text to measure"}
    space = statistics.median(natural)
    ratios = sorted(g / space for g in justified)
    n = len(ratios)
    return {
        "file": pdf,
        "lines": n,
        "natural_space_pt": round(space, 3),
        "median_ratio": round(ratios[n // 2], 3),
        "p95_ratio": round(ratios[min(n - 1, int(n * 0.95))], 3),
        "loose_lines_pct": round(100 * sum(r > 1.5 for r in ratios) / n, 2),
        "tight_lines_pct": round(100 * sum(r < 0.8 for r in ratios) / n, 2),
        "hyphen_ends_pct": round(100 * hyph / n, 2),
        "max_consecutive_hyphens": longest,
        "justified_pct": round(100 * flush_lines / max(1, inner), 2),
        "chars_per_line_median": statistics.median(chars) if chars else 0,
        "punctuation_hang_em": round(statistics.median(hang_punct) - statistics.median(hang_letter), 3)
        if hang_punct and hang_letter else 0,
    }

def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    min_words = 4
    if "--min-words" in argv:
        min_words = int(argv[argv.index("--min-words") + 1]); args.remove(str(min_words))
    if not args:
        print(__doc__.strip(), file=sys.stderr); return 2
    results = [measure(p, min_words) for p in args]
    if "--json" in argv:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(" ".join(f"{k}={v}" for k, v in r.items()))
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
