# Ace by DAISY (tools/ace, installed by scripts/install-deps) finds no
# violation in the EPUB of the sample or of the test articles, and
# epubcheck no error and no warning; a generated cover is declared and shown.
source "$(dirname "$0")/support/common.sh"

ace="$SOURCE_DIR/tools/ace/ace"
[[ -x "$SOURCE_DIR/tools/ace/node_modules/.bin/ace-puppeteer" ]] || fail "Ace is not installed: run scripts/install-deps"

check_book() {  # check_book ARTICLE THEME
  local article=$1 theme=$2 name epub
  name=$(basename "${article%.*}")
  mkdir -p "$WORK/$theme"
  "$GALLEY" build "$article" -o "$WORK/$theme" --style "$theme" --format epub >/dev/null 2>"$WORK/stderr" ||
    fail "$name ($theme) did not build: $(cat "$WORK/stderr")"
  epub="$WORK/$theme/$name.epub"
  epubcheck "$epub" >"$WORK/epubcheck.txt" 2>&1 || fail "epubcheck $name ($theme): $(cat "$WORK/epubcheck.txt")"
  contains "Messages: 0 fatals / 0 errors / 0 warnings" "$WORK/epubcheck.txt" ||
    fail "epubcheck $name ($theme): $(cat "$WORK/epubcheck.txt")"
  rm -rf "$WORK/ace"
  "$ace" --silent --force --outdir "$WORK/ace" "$epub" >"$WORK/ace.txt" 2>&1 || fail "Ace did not run on $name: $(cat "$WORK/ace.txt")"
  python3 "$HERE/ace_report.py" "$WORK/ace/report.json" >"$WORK/violations.txt" ||
    fail "Ace on $name ($theme): $(cat "$WORK/violations.txt")"
  pass "$name ($theme): epubcheck 0/0, Ace $(tail -n 1 "$WORK/violations.txt")"
}

check_book "$SOURCE_DIR/input/article.txt" article
check_book "$TEST_DATA/constructs.md" book
check_book "$TEST_DATA/story.nitf.xml" broadsheet
check_book "$TEST_DATA/story.newsml.xml" large-print
check_book "$TEST_DATA/html/news-page.html" article

# The cover: declared as the cover image, a PNG of 2:3, first in the spine.
python3 -c "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('EPUB/package.opf'))" "$WORK/article/article.epub" >"$WORK/package.opf"
contains 'href="images/cover.png" media-type="image/png" properties="cover-image"' "$WORK/package.opf" ||
  fail "no generated cover image in the manifest"
python3 - "$WORK/article/article.epub" <<'PY' || fail "the cover is not a 1200x1800 PNG"
import struct, sys, zipfile
png = zipfile.ZipFile(sys.argv[1]).read("EPUB/images/cover.png")
assert png[:8] == b"\x89PNG\r\n\x1a\n"
width, height = struct.unpack(">II", png[16:24])
assert (width, height) == (1200, 1800), (width, height)
PY
pass "generated cover: 1200x1800 PNG, properties=cover-image"
