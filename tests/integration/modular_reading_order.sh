# A newspaper's jumped stories read as stories, not as pages (#22), checked
# with tools galley did not write: in the tagged PDF (poppler's pdfinfo
# -struct-text) each story is one Art element, its continuation read right
# after "Continued on page N", page 1's other stories after it; in the EPUB
# each story whole in its XHTML, a page marker where each of its pages
# begins in its text, the page list each page once in order, epubcheck and
# Ace clean; and `galley inspect DIR --edition --layout` gives each story's
# module where pdftotext -bbox-layout finds its words.
source "$(dirname "$0")/support/common.sh"

python3 "$HERE/make_stories.py" 8 "$WORK/eight"
stories=("$WORK"/eight/story-*.txt)

"$GALLEY" build "$WORK/eight" --edition --style broadsheet -o "$WORK/out" >/dev/null 2>"$WORK/stderr" ||
  fail "build: $(cat "$WORK/stderr")"
pdf="$WORK/out/eight.pdf" epub="$WORK/out/eight.epub"
qpdf --check "$pdf" >"$WORK/qpdf.txt" 2>&1 || fail "qpdf --check: $(cat "$WORK/qpdf.txt")"
pdfinfo "$pdf" | contains -E '^Tagged: +yes' || fail "the PDF is not tagged"

python3 "$HERE/story_order.py" "$pdf" "$epub" "${stories[@]}" --galley "$GALLEY" >"$WORK/order.txt" 2>&1 ||
  fail "$(cat "$WORK/order.txt")"
pass "jumped stories read in order: $(grep -c 'reads on over [1-9]' "$WORK/order.txt") jumped, $(tr '\n' ';' <"$WORK/order.txt" | cut -c1-400)"

expect_valid_epub "$epub" "edition EPUB: "
if [[ ${GALLEY_SKIP_EPUBCHECK:-0} != 1 ]]; then
  ace="$SOURCE_DIR/tools/ace/ace"
  [[ -x "$SOURCE_DIR/tools/ace/node_modules/.bin/ace-puppeteer" ]] || fail "Ace is not installed: run scripts/install-deps"
  "$ace" --silent --force --outdir "$WORK/ace" "$epub" >"$WORK/ace.txt" 2>&1 || fail "Ace did not run: $(cat "$WORK/ace.txt")"
  python3 "$HERE/ace_report.py" "$WORK/ace/report.json" >"$WORK/violations.txt" ||
    fail "Ace on the edition: $(cat "$WORK/violations.txt")"
  pass "edition EPUB: epubcheck 0/0, Ace $(tail -n 1 "$WORK/violations.txt")"
fi

# inspect: each module's rectangle holds its story's lines in the PDF.
"$GALLEY" inspect "$WORK/eight" --edition --layout --style broadsheet >"$WORK/inspect.txt" 2>"$WORK/stderr" ||
  fail "inspect --edition --layout: $(cat "$WORK/stderr")"
contains -E '^module page 1 x [0-9.]+ y [0-9.]+ width [0-9.]+ height [0-9.]+ columns [0-9]+ headline [0-9.]+ story ".+" file ' \
  "$WORK/inspect.txt" || fail "inspect: no module line: $(head -5 "$WORK/inspect.txt")"
contains -E '^  continued on page [0-9]+$' "$WORK/inspect.txt" || fail "inspect: no jump line"
python3 "$HERE/inspect_modules.py" "$WORK/inspect.txt" "$pdf" "${stories[@]}" --galley "$GALLEY" >"$WORK/modules.txt" 2>&1 ||
  fail "$(cat "$WORK/modules.txt")"
pass "inspect --edition --layout: $(cat "$WORK/modules.txt")"

# Without --layout, and as JSON, the edition's layout is refused as usage.
expect_exit 2 "$GALLEY" inspect "$WORK/eight" --edition
expect_exit 2 "$GALLEY" inspect "$WORK/eight" --edition --layout --json
pass "inspect --edition without --layout, or with --json: exit 2"
