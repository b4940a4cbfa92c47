# NITF and NewsML-G2 stories show their headline, byline and dateline in
# both outputs, pass epubcheck and qpdf, and never expand an external entity.
source "$(dirname "$0")/support/common.sh"

check_story() {  # FILE STEM HEADLINE BYLINE DATELINE
  local file=$1 stem=$2
  "$GALLEY" build "$file" -o "$WORK" 2>"$WORK/warnings.txt" >/dev/null || fail "$stem: $(cat "$WORK/warnings.txt")"
  expect_valid_epub "$WORK/$stem.epub" "$stem: "
  qpdf --check "$WORK/$stem.pdf" >"$WORK/qpdf.txt" || fail "qpdf $stem: $(cat "$WORK/qpdf.txt")"
  pdftotext "$WORK/$stem.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/pdf.txt"
  python3 "$HERE/epub_text.py" "$WORK/$stem.epub" | tr '\n' ' ' | tr -s ' ' >"$WORK/epub.txt"
  for wanted in "$3" "$4" "$5"; do
    grep -qF "$wanted" "$WORK/pdf.txt" || fail "$stem: \"$wanted\" not in the PDF: $(head -c 400 "$WORK/pdf.txt")"
    grep -qF "$wanted" "$WORK/epub.txt" || fail "$stem: \"$wanted\" not in the EPUB: $(head -c 400 "$WORK/epub.txt")"
  done
  pass "$stem: epubcheck and qpdf pass; headline, byline and dateline in both"
}

mkdir -p "$WORK/in/images"
cp "$TEST_DATA/story.nitf.xml" "$TEST_DATA/story.newsml.xml" "$TEST_DATA/latin1.nitf.xml" "$WORK/in/"
cp "$TEST_DATA/images/photo.jpg" "$WORK/in/images/"
check_story "$WORK/in/story.nitf.xml" story.nitf "Harbour reopens after the storm" "Jane Doe, Marine Correspondent" "Portsmouth"
! grep -q "root:" "$WORK/pdf.txt" "$WORK/epub.txt" || fail "an external entity was expanded"
grep -qF "&secret;" "$WORK/epub.txt" || fail "the unexpanded entity reference is not kept as text"
pdfimages -list "$WORK/story.nitf.pdf" | contains jpeg || fail "the NITF media is not in the PDF"
pass "external entity left unexpanded; media embedded"

check_story "$WORK/in/story.newsml.xml" story.newsml "Harbour reopens after the storm" "Jane Doe" "PORTSMOUTH, England"
check_story "$WORK/in/latin1.nitf.xml" latin1.nitf "Café de la Gare réouvre" "Gare" "Zürich"
