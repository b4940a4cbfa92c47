# Web pages: the article found on a whole page (and a CMS fragment, and a
# Latin-1 page) shows its headline, byline, text, table and pictures in both
# outputs, which pass epubcheck and qpdf; none of the page's furniture,
# scripts or hidden text reaches either. Pages without an article, and files
# galley does not read, are refused with exit 1 and nothing written.
source "$(dirname "$0")/support/common.sh"

pages="$TEST_DATA/html"
mkdir -p "$WORK/in"
cp -r "$pages/news-page.html" "$pages/news-page_files" "$pages/fragment.html" "$pages/latin1.html" \
  "$pages/home.html" "$pages/login.html" "$WORK/in/"

build_page() {  # STEM: builds $WORK/in/STEM.html into $WORK/out, checks both outputs
  local stem=$1
  "$GALLEY" build "$WORK/in/$stem.html" -o "$WORK/out" 2>"$WORK/warnings.txt" >/dev/null ||
    fail "$stem: $(cat "$WORK/warnings.txt")"
  expect_valid_epub "$WORK/out/$stem.epub" "$stem: "
  qpdf --check "$WORK/out/$stem.pdf" >"$WORK/qpdf.txt" || fail "qpdf $stem: $(cat "$WORK/qpdf.txt")"
  pdftotext "$WORK/out/$stem.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/pdf.txt"
  python3 "$HERE/epub_text.py" "$WORK/out/$stem.epub" | tr '\n' ' ' | tr -s ' ' >"$WORK/epub.txt"
}

expect_in_both() {  # STEM TEXT...
  local stem=$1; shift
  for wanted in "$@"; do
    contains -F "$wanted" "$WORK/pdf.txt" || fail "$stem: \"$wanted\" not in the PDF: $(head -c 600 "$WORK/pdf.txt")"
    contains -F "$wanted" "$WORK/epub.txt" || fail "$stem: \"$wanted\" not in the EPUB: $(head -c 600 "$WORK/epub.txt")"
  done
}

expect_in_neither() {  # STEM TEXT...
  local stem=$1; shift
  for unwanted in "$@"; do
    ! contains -F "$unwanted" "$WORK/pdf.txt" || fail "$stem: \"$unwanted\" is in the PDF"
    ! contains -F "$unwanted" "$WORK/epub.txt" || fail "$stem: \"$unwanted\" is in the EPUB"
  done
}

build_page news-page
expect_in_both news-page "Harbour wall gives way after the storm" "Morwenna Tregear" "What happened overnight?" \
  "A public meeting will be held" "Storms recorded at Port Ellery" "Highest wave" "The gap in the wall" \
  "Drone footage of the harbour at dawn" "Boats resting on the mud inside the harbour"
expect_in_neither news-page SCRIPT_TEXT_MUST_NOT_APPEAR HIDDEN_TEXT_MUST_NOT_APPEAR COMMENT_TEXT_MUST_NOT_APPEAR \
  "We use cookies" "Most read" "Copy link" "All rights reserved" "Get the morning briefing" "Read more" "trackPageView"
# The headline without the site name from <title>.
! contains -F "| The Coast Gazette" "$WORK/pdf.txt" || fail "the site name is in the headline"
# The photo beside the page (JPEG) and the data: URI (PNG) are in both outputs.
pdfimages -list "$WORK/out/news-page.pdf" >"$WORK/images.txt"
contains jpeg "$WORK/images.txt" || fail "the page's photo is not in the PDF: $(cat "$WORK/images.txt")"
contains -E ' (image|smask) +24 +16 ' "$WORK/images.txt" || fail "the data: image is not in the PDF: $(cat "$WORK/images.txt")"
python3 - "$WORK/out/news-page.epub" <<'PY' || fail "the EPUB lacks the page's pictures"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
assert any(n.endswith(".jpg") for n in names), names
assert sum(n.endswith(".png") and "cover" not in n for n in names) >= 1, names
PY
# The remote picture is named in a warning with its line; nothing was fetched.
contains -E 'news-page.html:71: .*never fetched' "$WORK/warnings.txt" || fail "no warning for the remote image: $(cat "$WORK/warnings.txt")"
pdfinfo "$WORK/out/news-page.pdf" | contains -E '^Title: +Harbour wall gives way after the storm$' || fail "PDF title"
unzip -p "$WORK/out/news-page.epub" EPUB/package.opf >"$WORK/package.opf"
for wanted in '<dc:creator id="creator-1">Morwenna Tregear</dc:creator>' '<dc:language>en-GB</dc:language>' \
  '<dc:publisher>The Coast Gazette</dc:publisher>' 'https://gazette.example/news/2024/03/harbour-wall'; do
  contains -F "$wanted" "$WORK/package.opf" || fail "package.opf lacks $wanted: $(cat "$WORK/package.opf")"
done
pass "news page: epubcheck and qpdf pass; headline, byline, subheads, table, figures and video note in both; no furniture"

build_page fragment
expect_in_both fragment "Ferry timetable changes from Monday" "Idris Powell" "two extra sailings" "Fares"
expect_in_neither fragment SCRIPT_TEXT_MUST_NOT_APPEAR "Share"
pass "fragment: taken whole, its first heading the headline, its byline element the byline"

build_page latin1
expect_in_both latin1 "La fête du port" "Le comité des fêtes" "d’août" "Nous attendons plus de trois mille"
pass "Latin-1 page: decoded by its http-equiv charset"

# The same page as .txt is HTML with --from html.
cp "$WORK/in/fragment.html" "$WORK/in/fragment-as.txt"
"$GALLEY" build "$WORK/in/fragment-as.txt" --from html --format pdf -o "$WORK/from" >/dev/null 2>&1 || fail "--from html"
pdftotext "$WORK/from/fragment-as.pdf" - | contains -F "two extra sailings on weekdays" || fail "--from html headline"
pass "--from html reads a page whatever its extension"

# No article: exit 1, a message naming the file and what was found; an old output is left alone.
mkdir -p "$WORK/keep"
echo "old" >"$WORK/keep/home.pdf"
expect_exit 1 "$GALLEY" build "$WORK/in/home.html" -o "$WORK/keep"
contains -E 'home\.html: no article found \(8 headlines that link elsewhere.*largest text block: [0-9]+ words\)' "$WORK/stderr" ||
  fail "home page message: $(cat "$WORK/stderr")"
[[ $(cat "$WORK/keep/home.pdf") == old && ! -e "$WORK/keep/home.epub" ]] || fail "a failed build touched the outputs"
expect_exit 1 "$GALLEY" build "$WORK/in/login.html" -o "$WORK/keep"
contains -F 'login.html: no article found (a sign-in form' "$WORK/stderr" || fail "login message: $(cat "$WORK/stderr")"
pass "home and sign-in pages refused with exit 1, outputs untouched"

# Files galley does not read: refused, never typeset as text.
cp "$WORK/out/news-page.pdf" "$WORK/in/report"
expect_exit 1 "$GALLEY" build "$WORK/in/report" -o "$WORK/refused"
contains -F "unsupported input format: this is a PDF file" "$WORK/stderr" || fail "PDF input: $(cat "$WORK/stderr")"
cp "$TEST_DATA/images/chart.png" "$WORK/in/picture"
expect_exit 1 "$GALLEY" build "$WORK/in/picture" -o "$WORK/refused"
contains -F "unsupported input format: this is a PNG image" "$WORK/stderr" || fail "PNG input: $(cat "$WORK/stderr")"
[[ ! -e "$WORK/refused" ]] || [[ -z $(ls -A "$WORK/refused") ]] || fail "a refused input left files"
pass "PDF and PNG inputs refused as unsupported"

# inspect --explain says why, on standard error; --json stays JSON.
"$GALLEY" inspect "$WORK/in/news-page.html" --json --explain >"$WORK/inspect.json" 2>"$WORK/explain.txt"
python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$WORK/inspect.json" || fail "--json with --explain is not JSON"
contains -F "best container html > body > main > article.story > div.story-body" "$WORK/explain.txt" ||
  fail "--explain: $(cat "$WORK/explain.txt")"
contains -F "dropped unlikely html > body > main > section.comments#comments" "$WORK/explain.txt" || fail "--explain drops"
pass "inspect --explain names the container, its score and what was dropped"
