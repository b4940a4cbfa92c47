# The EPUB of an edition (galley build DIR --edition): articles in three
# formats with images in folders of their own, in two sections by a
# manifest. epubcheck finds no error and no warning, Ace no violation; one
# XHTML file per article, a contents by section then article, the series
# and issue as a collection, and one page list entry per page of the PDF,
# each at its page-break marker.
source "$(dirname "$0")/support/common.sh"

day="$WORK/daily"
# Each folder its own images/: the same photograph in both, the chart in one.
mkdir -p "$day/world/images" "$day/business/images"
cp "$SOURCE_DIR/input/article.txt" "$day/world/isis-k.txt"
cp "$TEST_DATA/story.nitf.xml" "$day/world/harbour.xml"
cp "$TEST_DATA/images/photo.jpg" "$day/world/images/"
cp "$TEST_DATA/constructs.md" "$day/business/constructs.md"
cp "$TEST_DATA/images/"{photo.jpg,chart.png} "$day/business/images/"
cat >"$day/business/markets.md" <<'MD'
---
title: Markets rally as rates hold
author: Ada Lovelace
date: 2026-11-28
---
Shares rose for a third day on Friday after the central bank left its main rate unchanged. Traders said so.

![A chart of the index](images/chart.png)

The decision had been expected, but the tone of the statement surprised many.
MD
cat >"$day/edition.toml" <<'TOML'
title = "The Daily Galley, 28 November 2026"
series = "The Daily Galley"
issue = "No. 4512"
date = 2026-11-28
publisher = "Galley Press"

[[sections]]
title = "World"
articles = ["world/isis-k.txt", "world/harbour.xml"]

[[sections]]
title = "Business"
articles = ["business/markets.md", "business/constructs.md"]
TOML

"$GALLEY" build "$day" --edition -o "$WORK/out" >/dev/null 2>"$WORK/stderr" ||
  fail "the edition did not build: $(cat "$WORK/stderr")"
epub=$(ls "$WORK/out"/*.epub) pdf=$(ls "$WORK/out"/*.pdf)

expect_valid_epub "$epub"
pass "epubcheck: 0 errors, 0 warnings"

python3 "$HERE/edition_epub.py" "$epub" "$pdf" 4 2 "The Daily Galley" 4512 >"$WORK/edition.txt" ||
  fail "$(cat "$WORK/edition.txt")"
pass "$(cat "$WORK/edition.txt")"

# Each article's images from its own folder, under names unique in the
# book; the photograph both folders hold is packaged once.
python3 - "$epub" <<'PY' || fail "images"
import sys, zipfile
names = sorted(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith("EPUB/images/"))
photos = [n for n in names if n.endswith(".jpg")]
charts = [n for n in names if n.startswith("EPUB/images/a-") and n.endswith(".png")]
assert len(photos) == 1 and len(charts) == 1 and "EPUB/images/cover.png" in names, names
PY
pass "images from each article's folder, each file once, and a drawn cover"

# The same bytes again.
"$GALLEY" build "$day" --edition -o "$WORK/again" >/dev/null 2>&1 || fail "the second build failed"
cmp -s "$epub" "$WORK/again/$(basename "$epub")" || fail "a second build gave other bytes"
pass "the same bytes twice"

ace="$SOURCE_DIR/tools/ace/ace"
if [[ ${GALLEY_SKIP_EPUBCHECK:-0} == 1 ]]; then
  echo "note: GALLEY_SKIP_EPUBCHECK=1 (the sanitizer stage): Ace not run"
elif [[ -x "$SOURCE_DIR/tools/ace/node_modules/.bin/ace-puppeteer" ]]; then
  "$ace" --silent --force --outdir "$WORK/ace" "$epub" >"$WORK/ace.txt" 2>&1 || fail "Ace did not run: $(cat "$WORK/ace.txt")"
  python3 "$HERE/ace_report.py" "$WORK/ace/report.json" >"$WORK/violations.txt" || fail "Ace: $(cat "$WORK/violations.txt")"
  pass "Ace: $(tail -n 1 "$WORK/violations.txt")"
else
  echo "note: Ace is not installed (scripts/install-deps); not run"
fi
