# Justification quality of a long justified text in the book, the default
# (article) and the broadsheet theme, measured from the PDF with
# pdf_spacing.py against the targets of issue 5, and two of issue 18: margin
# kerning hangs line-end punctuation at least 0.08 em into the margin (book
# and article), and every theme's measure is 45 to 75 characters a line (28
# to 50 in the broadsheet's columns). The text is made here, deterministically, from the
# sample's paragraphs, three to a paragraph as in book prose (the sample's
# own one- and two-line paragraphs leave a breaker almost no choice): each
# pass over them starts each paragraph at a different word, so the lines
# break differently every time.
source "$(dirname "$0")/support/common.sh"

words_wanted=${SPACING_WORDS:-20000}
awk -v target="$words_wanted" '
  BEGIN { RS = ""; n = 0 }
  NR == 1 { next }                        # the headline
  { gsub(/\n/, " "); if (split($0, w, / +/) >= 15) para[n++] = $0 }
  END {
    print "A long justified text for the spacing test"
    total = 0
    for (pass = 0; total < target; pass++)
      for (i = 0; i < n && total < target; i++) {
        count = split(para[i], w, / +/)
        shift = (pass * 7 + i) % count
        line = ""
        for (k = 0; k < count; k++) line = line (k ? " " : "") w[(k + shift) % count + 1]
        printf (i % 3 == 0 ? "\n%s" : " %s"), line
        if (i % 3 == 2) printf "\n"
        total += count
      }
    printf "\n"
  }' "$SOURCE_DIR/input/article.txt" >"$WORK/long.txt"
(( $(wc -w <"$WORK/long.txt") >= words_wanted )) || fail "the generated text is too short"

# The ragged large-print theme, whose measure alone is asserted, needs less
# text: the sample's paragraphs as they are, three times (pdf_spacing.py
# tells a ragged paragraph's last line by the next one's start, which
# paragraphs this long hide).
awk 'BEGIN { RS = "" } NR == 1 { print; next } { gsub(/\n/, " "); para[n++] = $0 }
  END { for (pass = 0; pass < 3; pass++) for (i = 0; i < n; i++) printf "\n%s\n", para[i] }' \
  "$SOURCE_DIR/input/article.txt" >"$WORK/short.txt"

for style in book article broadsheet large-print; do
  input=long
  [[ $style == large-print ]] && input=short
  "$GALLEY" build "$WORK/$input.txt" -o "$WORK/$style" --style "$style" --format pdf >/dev/null 2>"$WORK/stderr" ||
    fail "galley failed: $(cat "$WORK/stderr")"
  python3 "$HERE/pdf_spacing.py" "$WORK/$style/$input.pdf" --json >"$WORK/spacing.json"
  python3 - "$WORK/spacing.json" "$style" <<'PY' || fail "spacing or measure outside the targets in the $style theme"
import json, sys
result = json.load(open(sys.argv[1]))[0]
style = sys.argv[2]
print(style, "spacing:", " ".join(f"{k}={v}" for k, v in result.items() if k != "file"))
# The measure, in every theme: multi-column themes set narrower columns.
low, high = (28, 50) if style == "broadsheet" else (45, 75)
measure = result["chars_per_line_median"]
bad = [] if low <= measure <= high else [f"measure {measure} characters a line, not {low} to {high}"]
if style == "large-print":  # set ragged: only its measure is asserted
    for problem in bad:
        print("FAIL:", problem, file=sys.stderr)
    sys.exit(1 if bad else 0)
limits = [("median_ratio", 1.10), ("p95_ratio", 1.35), ("loose_lines_pct", 1.0),
          ("tight_lines_pct", 3.0), ("hyphen_ends_pct", 6.0), ("max_consecutive_hyphens", 2)]
bad += [f"{key} {result[key]} > {limit}" for key, limit in limits if result[key] > limit]
if result["punctuation_hang_em"] < 0.08:
    bad.append(f"punctuation hangs {result['punctuation_hang_em']} em into the margin, not 0.08 or more")
if result["lines"] < 1000:
    bad.append(f"only {result['lines']} justified lines measured")
for problem in bad:
    print("FAIL:", problem, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done
pass "median, p95, loose, tight and hyphenated lines within the targets in the book, article and broadsheet themes, the punctuation hang in the book and article, the measure in all four"
