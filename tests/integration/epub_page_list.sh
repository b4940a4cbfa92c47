# The EPUB's print page numbers match the PDF built from the same article
# with the same theme: one page-list entry per PDF page (pdfinfo), each
# linking to a page-break marker that stands before the words pdftotext
# finds first on that page. The sample in two themes (A4 and 6x9 in, whose
# pages break mid-paragraph and mid-word), the test articles, and articles
# with floats in every theme.
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

# Floats: a figure the PDF prints at a column's foot or at the head of a
# later page, after text that follows it in the model. Each marker stands by
# the text, never by the figure: before the first words its page prints and
# after the last words of the page before. A short article and a long one
# (made-up sentences, a figure, a quotation and a list every four
# paragraphs) in every theme.
mkdir -p "$WORK/floats/images"
cp "$TEST_DATA/images/"{tall.png,chart.png,photo.jpg} "$WORK/floats/images/"
python3 "$HERE/float_article.py" 150 images >"$WORK/floats/many-floats.md"
check_pages "$TEST_DATA/constructs.md" large-print  # a figure at the head of page 2
check_pages "$TEST_DATA/office/handwritten.odt" book  # a last page of a figure alone
for theme in article book broadsheet large-print; do
  check_pages "$TEST_DATA/floats.md" "$theme"
  check_pages "$WORK/floats/many-floats.md" "$theme"
done

# The package says so: printPageNumbers and the print edition's name.
python3 -c "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('EPUB/package.opf'))" "$WORK/book/article.epub" >"$WORK/package.opf"
contains 'property="schema:accessibilityFeature">printPageNumbers<' "$WORK/package.opf" || fail "no printPageNumbers"
contains 'property="source-of">pagination<' "$WORK/package.opf" || fail "no page-break source"
pass "printPageNumbers and pageBreakSource in the package"
