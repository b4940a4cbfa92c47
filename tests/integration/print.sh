# Print production: trim, bleed and marks boxes on every page (pdfinfo -box),
# crop marks outside the bleed (the corners rendered), pictures at the trim
# edge continued into the bleed, mirrored margins on facing pages of a book
# (pdftotext -bbox), each article of a book edition on a recto, the sRGB
# output intent.
source "$(dirname "$0")/support/common.sh"

sample="$SOURCE_DIR/input/article.txt"
checks="$HERE/print_checks.py"

# A 6x9 in book with 3 mm of bleed and marks: every page's boxes.
"$GALLEY" build "$sample" --style book --bleed 3mm --marks --format pdf -o "$WORK/book" >/dev/null
book="$WORK/book/article.pdf"
qpdf --check "$book" >"$WORK/qpdf.txt" 2>&1 || fail "qpdf --check: $(cat "$WORK/qpdf.txt")"
python3 "$checks" boxes "$book" 432 648 3 marks || fail "boxes of the book with bleed and marks"
python3 "$checks" crop-marks "$book" 1 "$WORK/corners" || fail "crop marks"
pdftotext -f 2 -l 2 "$book" - | contains -F "article.txt · page 2 · 2023-11-14" || fail "no slug line on page 2"
pass "book, 3 mm bleed, marks: boxes on every page, crop marks outside the bleed, a slug line"

# The same bytes again in another time zone and a decimal-comma locale
# (the slug's date is the article's, never the clock's); imposition too.
LC_ALL=de_DE.UTF-8 TZ=Asia/Tokyo "$GALLEY" build "$sample" --style book --bleed 3mm --marks --format pdf \
  -o "$WORK/again" >/dev/null
cmp -s "$book" "$WORK/again/article.pdf" || fail "the marked book differs from one build to the next"
"$GALLEY" impose "$book" -o "$WORK/booklet-1.pdf" --booklet --creep 0.5mm >/dev/null
LC_ALL=de_DE.UTF-8 "$GALLEY" impose "$book" -o "$WORK/booklet-2.pdf" --booklet --creep 0.5mm >/dev/null
cmp -s "$WORK/booklet-1.pdf" "$WORK/booklet-2.pdf" || fail "imposition differs from one run to the next"
pass "the marked book and its booklet are the same bytes on every run, in any locale and time zone"

# The same in inches, without marks: the MediaBox is the BleedBox.
"$GALLEY" build "$sample" --style book --bleed 0.125in --format pdf -o "$WORK/inches" >/dev/null
python3 "$checks" boxes "$WORK/inches/article.pdf" 432 648 3.175 none || fail "boxes with 0.125in of bleed"
# A theme's own bleed and marks, and the command line turning marks off.
printf 'extends = "book"\n[page]\nbleed = "5mm"\nmarks = true\n' >"$WORK/print.toml"
"$GALLEY" build "$sample" --style "$WORK/print.toml" --format pdf -o "$WORK/themed" >/dev/null
python3 "$checks" boxes "$WORK/themed/article.pdf" 432 648 5 marks || fail "the theme's bleed and marks"
"$GALLEY" build "$sample" --style "$WORK/print.toml" --no-marks --format pdf -o "$WORK/unmarked" >/dev/null
python3 "$checks" boxes "$WORK/unmarked/article.pdf" 432 648 5 none || fail "--no-marks over the theme's marks"
# A screen PDF has all its boxes equal.
"$GALLEY" build "$sample" --format pdf -o "$WORK/screen" >/dev/null
python3 "$checks" boxes "$WORK/screen/article.pdf" 595.28 841.89 0 none || fail "boxes of the default PDF"
pass "0.125in bleed, a theme's bleed and marks, --no-marks, and a screen PDF's equal boxes"

expect_exit 2 "$GALLEY" build "$sample" --bleed 3furlongs -o "$WORK/bad"
contains -F -- "--bleed 3furlongs" "$WORK/stderr" || fail "a bad --bleed is not named: $(cat "$WORK/stderr")"
printf 'extends = "book"\n[page]\nbleed = "2in"\n' >"$WORK/too-much.toml"
expect_exit 1 "$GALLEY" build "$sample" --style "$WORK/too-much.toml" -o "$WORK/bad"
contains -F "too-much.toml:3" "$WORK/stderr" || fail "a bad theme bleed does not name file and line: $(cat "$WORK/stderr")"
pass "a bad --bleed is a usage error; a bad theme bleed names the file and line"

# A picture across the whole page width continues into the bleed.
mkdir -p "$WORK/wide"
# A grey PNG of 1800 x 600 pixels, wider than the page at its own size.
python3 -c "
import struct, sys, zlib
def chunk(kind, data): return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
rows = b''.join(b'\0' + bytes([90]) * 1800 for _ in range(600))
sys.stdout.buffer.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1800, 600, 8, 0, 0, 0, 0))
                        + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))" >"$WORK/wide/wide.png"
printf '# Across the page\n\nText before the picture.\n\n![A grey field](wide.png)\n\nText after it.\n' >"$WORK/wide/wide.md"
printf 'extends = "book"\n[page]\nmargin_inner = 0\nmargin_outer = 0\n' >"$WORK/edge.toml"
"$GALLEY" build "$WORK/wide/wide.md" --style "$WORK/edge.toml" --bleed 3mm --format pdf -o "$WORK/wide-out" >/dev/null
python3 "$checks" bleed-filled "$WORK/wide-out/wide.pdf" 1 "$WORK/wide" || fail "the picture does not fill the bleed"
pass "a picture touching the trim edges is drawn into the bleed"

# Facing pages: the book's verso (2) and recto (3) mirror their margins
# (inner 74 pt, outer 66 pt), with the folios outside.
python3 "$checks" facing "$book" 2 3 74 66 || fail "facing pages"
pass "mirrored margins on a spread"

# The sRGB output intent, with its ICC profile, and no claim of PDF/X or PDF/A.
qpdf --qdf --object-streams=disable "$book" "$WORK/book-qdf.pdf"
contains -a "/OutputIntents" "$WORK/book-qdf.pdf" || fail "no OutputIntents"
contains -a -F "(sRGB IEC61966-2.1)" "$WORK/book-qdf.pdf" || fail "the output intent is not sRGB"
contains -a -F "/DestOutputProfile" "$WORK/book-qdf.pdf" || fail "the output intent has no profile"
! contains -a -E "GTS_PDFXVersion|pdfxid|pdfaid" "$WORK/book-qdf.pdf" || fail "the PDF claims PDF/X or PDF/A"
pass "an sRGB output intent with its ICC profile; no PDF/X or PDF/A claim"

# A book edition: every article opens on a recto, a blank verso before it
# when needed, with neither folio nor running head.
mkdir -p "$WORK/edition"
cp "$sample" "$WORK/edition/a.txt"
cp "$sample" "$WORK/edition/b.txt"
"$GALLEY" build "$WORK/edition" --edition --style book --bleed 3mm --marks -o "$WORK/edition-out" >/dev/null 2>&1
edition="$WORK/edition-out/edition.pdf"
qpdf --check "$edition" >"$WORK/qpdf.txt" 2>&1 || fail "edition: qpdf --check: $(cat "$WORK/qpdf.txt")"
expect_valid_epub "$WORK/edition-out/edition.epub" "book edition: "
pages=$(python3 "$checks" pages "$edition")
python3 "$checks" boxes "$edition" 432 648 3 marks >/dev/null || fail "edition boxes"
pdfinfo -dests "$edition" | awk '$NF ~ /^"a-0[0-9]-[ab]"$/ {print $1}' >"$WORK/starts.txt"
[[ $(wc -l <"$WORK/starts.txt") == 2 ]] || fail "edition: article starts $(cat "$WORK/starts.txt")"
while read -r start; do
  ((start % 2 == 1)) || fail "edition: an article starts on page $start, a verso"
done <"$WORK/starts.txt"
blanks=0
for page in $(seq 1 "$pages"); do
  # Inside the trim, not the slug: a blank page shows nothing.
  text=$(pdftotext -f "$page" -l "$page" -x 33 -y 33 -W 432 -H 648 "$edition" - | tr -d '[:space:]\f')
  if [[ -z $text ]]; then
    ((page % 2 == 0)) || fail "edition: page $page is blank and a recto"
    blanks=$((blanks + 1))
  fi
done
((blanks >= 1)) || fail "edition: no blank verso among $pages pages"
pass "book edition: articles start on pages $(echo $(cat "$WORK/starts.txt")), $blanks blank versos, $pages pages"
