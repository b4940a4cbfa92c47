#!/usr/bin/env python3
# Copied from the shared tool ../shared/tools/pdf-spacing (galley's workspace
# tools), so that the tests need nothing outside the repository. One change:
# a line ending at a soft hyphen is counted as hyphenated too. galley maps the
# hyphen it draws there to the soft hyphen (U+00AD), so that copied text keeps
# the word whole, and pdftotext then reports U+00AD, not "-"; the original
# counts only "-" and so misses every hyphenation point.
"""pdf-spacing: measure justification quality of a typeset PDF.

Uses `pdftotext -bbox-layout` (poppler-utils). For every text line that is not
the last line of its block, it measures the gaps between words. The natural
word space is taken as the median gap on block-final lines (which are set
ragged, so their spaces are unstretched). Reports, over justified lines:

  median / p95 of the mean word-space ratio (1.00 = natural space)
  share of lines whose mean ratio exceeds 1.5 (loose lines)
  share of lines ending in a hyphen, and the longest run of them
  share of lines whose mean ratio is under 0.8 (squeezed lines)
  share of non-final lines that reach their block's right edge (justified);
  only those lines are measured, and ragged lines give the natural space

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
        for i, words in enumerate(rows):
            yield words, i == len(rows) - 1, (right, tol)

def measure(pdf, min_words=4):
    natural, justified = [], []
    hyph, run, longest, inner, flush_lines = 0, 0, 0, 0, 0
    for words, last, (right, tol) in lines_of(pdf):
        if len(words) < min_words:
            continue
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
        if t.endswith(("-", "\u00ad")) and len(t) > 2 and t[-2].isalpha():
            hyph += 1; run += 1; longest = max(longest, run)
        else:
            run = 0
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
