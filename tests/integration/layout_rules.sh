# No widows, no orphans, no heading at the foot of a column and no figure
# split, checked from the layout dump (layout_rules.py) of the sample, the
# test articles and a long text, in every built-in theme: one and several
# columns, small and large type, so column and page breaks fall everywhere.
source "$(dirname "$0")/support/common.sh"

# The checker must see a violation when there is one.
cat >"$WORK/bad.dump" <<'DUMP'
page 1 label=1 size=595.28x841.89
  begin P
  text x=100.00 y=800.00 w=395.28 font="EB Garamond 12" "An orphan: the first line alone"
page 2 label=2 size=595.28x841.89
  text x=100.00 y=60.00 w=395.28 font="EB Garamond 12" "at the foot, the rest of the paragraph"
  text x=100.00 y=75.00 w=395.28 font="EB Garamond 12" "on the next page."
  end P
DUMP
expect_exit 1 python3 "$HERE/layout_rules.py" "$WORK/bad.dump"
contains "orphan on page 1" "$WORK/stdout" || fail "the checker missed an orphan"

# A long text of paragraphs of many lengths, with subheadings among them.
awk 'BEGIN { RS = "" } NR == 1 { print; next }
  { gsub(/\n/, " "); para[n++] = $0 }
  END { for (pass = 0; pass < 6; pass++) for (i = 0; i < n; i++) {
          if (i % 7 == 3) printf "\nWhat happened next in part %d?\n", pass * n + i
          printf "\n%s\n", para[(i * 5 + pass) % n] } }' \
  "$SOURCE_DIR/input/article.txt" >"$WORK/long.txt"

checked=0
for input in "$SOURCE_DIR/input/article.txt" "$SOURCE_DIR/tests/data/constructs.md" \
             "$SOURCE_DIR/tests/data/story.nitf.xml" "$WORK/long.txt"; do
  for style in article book broadsheet large-print; do
    "$GALLEY" inspect "$input" --style "$style" --layout >"$WORK/dump" 2>"$WORK/stderr" ||
      fail "inspect $(basename "$input") --style $style: $(cat "$WORK/stderr")"
    python3 "$HERE/layout_rules.py" "$WORK/dump" --summary >"$WORK/result" ||
      fail "$(basename "$input") in $style: $(cat "$WORK/result")"
    checked=$((checked + 1))
  done
done
pass "no widow, orphan, heading at a column's foot or split figure in $checked layouts"
