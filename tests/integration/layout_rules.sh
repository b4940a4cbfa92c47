# No widows, no orphans, no heading at the foot of a column, no figure
# split, no hyphen in display type and no last page (or balanced last
# column) of one to four lines, checked from the layout dump
# (layout_rules.py), and the runts again from the PDF (pdf_runts.py), of the sample, the
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

# The sample's first twelve paragraphs: set as they come, the article theme
# leaves four lines alone on page 2 (a runt, issue 18), which paragraphs set
# a line longer or shorter must avoid.
awk 'BEGIN { RS = "" } NR == 1 { print; next } NR <= 13 { gsub(/\n/, " "); printf "\n%s\n", $0 }' \
  "$SOURCE_DIR/input/article.txt" >"$WORK/runt.txt"

checked=0
for input in "$SOURCE_DIR/input/article.txt" "$SOURCE_DIR/tests/data/constructs.md" \
             "$SOURCE_DIR/tests/data/story.nitf.xml" "$WORK/long.txt" "$WORK/runt.txt"; do
  for style in article book broadsheet large-print; do
    "$GALLEY" inspect "$input" --style "$style" --layout >"$WORK/dump" 2>"$WORK/stderr" ||
      fail "inspect $(basename "$input") --style $style: $(cat "$WORK/stderr")"
    python3 "$HERE/layout_rules.py" "$WORK/dump" --summary >"$WORK/result" ||
      fail "$(basename "$input") in $style: $(cat "$WORK/result")"
    checked=$((checked + 1))
  done
done
pass "no widow, orphan, heading at a column's foot, split figure, hyphenated display line or runt last page in $checked layouts"

# No runt, checked from the PDF itself (issue 18): pdf_runts.py reads
# pdftotext -bbox-layout and finds any page of one to four lines and any
# column of one to four lines beside another column of the same band.
for style in article book broadsheet large-print; do "$GALLEY" styles "$style" >"$WORK/$style.toml"; done
pdf_checked=0
check_pdf() {  # check_pdf PDF STYLE WHAT
  python3 "$HERE/pdf_runts.py" "$1" --theme "$WORK/$2.toml" --summary >"$WORK/result" ||
    fail "$3 in $2: $(cat "$WORK/result")"
  pdf_checked=$((pdf_checked + 1))
}
# The checker must see a runt page: a full page, then one of a few lines.
printf 'A short one\n\nThree lines of text, no more, set alone on the page that ends this document, which is far too little for a page.\n' >"$WORK/three.txt"
"$GALLEY" build "$WORK/long.txt" --style book -o "$WORK/full.pdf" 2>/dev/null
"$GALLEY" build "$WORK/three.txt" --style book -o "$WORK/three.pdf" 2>/dev/null
qpdf --empty --pages "$WORK/full.pdf" 1 "$WORK/three.pdf" 1 -- "$WORK/runt.pdf"
expect_exit 1 python3 "$HERE/pdf_runts.py" "$WORK/runt.pdf" --theme "$WORK/book.toml"
contains "runt: page 2 holds" "$WORK/stdout" || fail "the PDF checker missed a runt page: $(cat "$WORK/stdout")"
# The sample's first paragraphs: six columns balanced as short as they go
# left two to four lines in each.
for paragraphs in 3 6; do
  awk -v n="$paragraphs" 'BEGIN { RS = "" } NR == 1 { print; next } NR <= n + 1 { gsub(/\n/, " "); printf "\n%s\n", $0 }' \
    "$SOURCE_DIR/input/article.txt" >"$WORK/first-$paragraphs.txt"
done
for input in "$SOURCE_DIR/input/article.txt" "$SOURCE_DIR/tests/data/constructs.md" \
             "$SOURCE_DIR/tests/data/story.nitf.xml" "$WORK/long.txt" "$WORK/runt.txt" \
             "$WORK/first-3.txt" "$WORK/first-6.txt"; do
  for style in article book broadsheet large-print; do
    "$GALLEY" build "$input" --style "$style" -o "$WORK/out.pdf" >/dev/null 2>"$WORK/stderr" ||
      fail "build $(basename "$input") --style $style: $(cat "$WORK/stderr")"
    check_pdf "$WORK/out.pdf" "$style" "$(basename "$input")"
  done
done
# An edition sets each article on pages of its own, after its section's
# opener: runts are avoided there too (each of these themes left one).
mkdir "$WORK/edition"
cp "$WORK/first-6.txt" "$WORK/edition/a.txt"
cp "$WORK/runt.txt" "$WORK/edition/b.txt"
for style in article book large-print; do
  "$GALLEY" build "$WORK/edition" --edition --style "$style" -o "$WORK/edition-$style" >/dev/null 2>"$WORK/stderr" ||
    fail "edition --style $style: $(cat "$WORK/stderr")"
  check_pdf "$WORK/edition-$style/edition.pdf" "$style" "an edition"
done
pass "no page or balanced column of one to four lines in $pdf_checked PDFs (pdftotext -bbox-layout)"

# Tables read like tables (issue 18): no column narrower than its longest
# word, the room beyond that going to the columns with the most text. Every
# word of this table's cells must be set whole, on one line, in every theme.
cat >"$WORK/api.md" <<'MD'
---
title: The parameters of the reservoir levels interface
lang: en-GB
---

Each request names the reservoir and the day it wants.

| Name | Type | Location | Required | Description |
|------|------|----------|----------|-------------|
| apiKey | string | header | Auth | The key the water company issued to the caller when it registered, sent over HTTPS with every request to the interface. |
| reservoir | string | path | yes | The short name of the reservoir as the tables of the company give it, in lower case and with hyphens for spaces. |
| date | date | query | no | The day whose level is wanted; without it the latest reading, which is usually from Monday. |
| units | enum | query | Unknown | Percent of capacity or megalitres; percent when it is left out or not understood. |
MD
words=$(awk -F'|' 'NR > 6 && NF > 2 && !/^\|-/ { for (i = 2; i < NF; i++) print $i }' "$WORK/api.md" | tr ' ' '\n' | grep -v '^$' | sort -u)
for style in article book broadsheet large-print; do
  "$GALLEY" inspect "$WORK/api.md" --style "$style" --layout >"$WORK/dump" 2>"$WORK/stderr" ||
    fail "inspect api.md --style $style: $(cat "$WORK/stderr")"
  sed -n 's/^  text .* "\(.*\)"$/\1/p' "$WORK/dump" | tr ' ' '\n' | grep -v '^$' | sort -u >"$WORK/set-words"
  missing=$(comm -23 <(echo "$words") "$WORK/set-words" | tr '\n' ' ')
  [[ -z $missing ]] || fail "a table's words broken across lines in $style: $missing"
done
pass "every table cell's words whole in all four themes"
