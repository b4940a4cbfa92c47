# The EPUB's print page numbers match the PDF built from the same article
# with the same theme: one page-list entry per PDF page (pdfinfo), each
# linking to a page-break marker that stands before the words pdftotext
# finds first on that page. The sample in two themes (A4 and 6x9 in, whose
# pages break mid-paragraph and mid-word) and the test articles.
source "$(dirname "$0")/support/common.sh"

check_pages() {  # check_pages ARTICLE THEME
  local article=$1 theme=$2 name
  name=$(basename "${article%.*}")
  mkdir -p "$WORK/$theme"
  "$GALLEY" build "$article" -o "$WORK/$theme" --style "$theme" >/dev/null 2>"$WORK/stderr" ||
    fail "$name ($theme) did not build: $(cat "$WORK/stderr")"
  python3 "$HERE/page_list.py" "$WORK/$theme/$name.epub" "$WORK/$theme/$name.pdf" >"$WORK/pages.txt" ||
    fail "$name ($theme): $(cat "$WORK/pages.txt")"
  pass "$name ($theme): $(tail -n 1 "$WORK/pages.txt")"
}

check_pages "$SOURCE_DIR/input/article.txt" article
check_pages "$SOURCE_DIR/input/article.txt" book
check_pages "$SOURCE_DIR/input/article.txt" large-print
check_pages "$TEST_DATA/constructs.md" book
check_pages "$TEST_DATA/story.nitf.xml" book
check_pages "$TEST_DATA/story.newsml.xml" broadsheet

# The package says so: printPageNumbers and the print edition's name.
python3 -c "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('EPUB/package.opf'))" "$WORK/book/article.epub" >"$WORK/package.opf"
contains 'property="schema:accessibilityFeature">printPageNumbers<' "$WORK/package.opf" || fail "no printPageNumbers"
contains 'property="source-of">pagination<' "$WORK/package.opf" || fail "no page-break source"
pass "printPageNumbers and pageBreakSource in the package"
