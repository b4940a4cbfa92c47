# Justification quality of a long justified text in the book theme (about
# 65 characters a line, as issue 5 specifies) and the default theme (about
# 70), measured from the PDF with pdf_spacing.py against
# the targets of issue 5. The text is made here, deterministically, from the
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

for style in book article; do
  "$GALLEY" build "$WORK/long.txt" -o "$WORK/$style" --style "$style" --format pdf >/dev/null 2>"$WORK/stderr" ||
    fail "galley failed: $(cat "$WORK/stderr")"
  python3 "$HERE/pdf_spacing.py" "$WORK/$style/long.pdf" --json >"$WORK/spacing.json"
  python3 - "$WORK/spacing.json" "$style" <<'PY' || fail "spacing outside the targets in the $style theme"
import json, sys
result = json.load(open(sys.argv[1]))[0]
print(sys.argv[2], "spacing:", " ".join(f"{k}={v}" for k, v in result.items() if k != "file"))
limits = [("median_ratio", 1.10), ("p95_ratio", 1.35), ("loose_lines_pct", 1.0),
          ("tight_lines_pct", 3.0), ("hyphen_ends_pct", 6.0), ("max_consecutive_hyphens", 2)]
bad = [f"{key} {result[key]} > {limit}" for key, limit in limits if result[key] > limit]
if result["lines"] < 1000:
    bad.append(f"only {result['lines']} justified lines measured")
for problem in bad:
    print("FAIL:", problem, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done
pass "median, p95, loose, tight and hyphenated lines within the targets in the book and article themes"
