# galley impose: a booklet's sheets hold the pages in folding order (read
# back half-sheet by half-sheet with pdftotext), blank pages pad it to a
# multiple of four, fonts stay embedded once (pdffonts), text stays text;
# n-up proofs in reading order; sheets of a named paper. galley check
# --print: galley's own print PDFs pass; a PDF made by hand with a 72-ppi
# picture, one without a TrimBox and one with less bleed than asked fail,
# naming the pages.
source "$(dirname "$0")/support/common.sh"

sample="$SOURCE_DIR/input/article.txt"
checks="$HERE/print_checks.py"

# A booklet of the 3-page book: one sheet; front: blank (page 4) | page 1,
# back: page 2 | page 3.
"$GALLEY" build "$sample" --style book --bleed 3mm --marks --format pdf -o "$WORK/book" >/dev/null
book="$WORK/book/article.pdf"
"$GALLEY" impose "$book" -o "$WORK/booklet.pdf" --booklet >/dev/null
qpdf --check "$WORK/booklet.pdf" >"$WORK/qpdf.txt" 2>&1 || fail "booklet: qpdf --check: $(cat "$WORK/qpdf.txt")"
[[ $(python3 "$checks" pages "$WORK/booklet.pdf") == 2 ]] || fail "a 3-page booklet is not one sheet (2 sides)"
pdfinfo -box "$WORK/booklet.pdf" | contains -E "MediaBox: +0.00 +0.00 +864.00 +648.00" ||
  fail "the sheet is not two 6x9 in trims side by side: $(pdfinfo -box "$WORK/booklet.pdf")"
python3 "$checks" booklet-side "$WORK/booklet.pdf" 1 "" "Who are ISIS-K" || fail "sheet 1 front"
python3 "$checks" booklet-side "$WORK/booklet.pdf" 2 "ITV News Global Security" "The conflict between" || fail "sheet 1 back"
# The left half of the front is the blank last page: no text at all.
left=$(pdftotext -f 1 -l 1 -x 0 -y 0 -W 432 -H 648 "$WORK/booklet.pdf" - | tr -d '[:space:]\f')
[[ -z $left ]] || fail "the blank page 4 shows: $left"
# Each font once, embedded, as in the book itself.
pdffonts "$book" | tail -n +3 | awk '{print $1}' | sort >"$WORK/fonts-book.txt"
pdffonts "$WORK/booklet.pdf" | tail -n +3 | awk '{print $1}' | sort >"$WORK/fonts-booklet.txt"
cmp -s "$WORK/fonts-book.txt" "$WORK/fonts-booklet.txt" ||
  fail "the booklet's fonts differ from the book's: $(diff "$WORK/fonts-book.txt" "$WORK/fonts-booklet.txt")"
! pdffonts "$WORK/booklet.pdf" | tail -n +3 | awk '$(NF-4) != "yes"' | contains . || fail "a font is not embedded"
pass "booklet: 1 sheet, blank | 1 and 2 | 3, $(wc -l <"$WORK/fonts-book.txt") fonts embedded once, as in the book"

# A longer booklet: 9 pages pad to 12, 3 sheets: sheet 1 front 12 | 1, back 2 | 11; sheet 3 front 8 | 5.
python3 "$checks" make-pdf "$WORK/nine.pdf" 9 trim 0 300 >/dev/null
"$GALLEY" impose "$WORK/nine.pdf" -o "$WORK/nine-booklet.pdf" --booklet --sheet a4 --creep 1mm >/dev/null
[[ $(python3 "$checks" pages "$WORK/nine-booklet.pdf") == 6 ]] || fail "9 pages: not 3 sheets"
pdfinfo -box "$WORK/nine-booklet.pdf" | contains -E "MediaBox: +0.00 +0.00 +841.89 +595.28" || fail "not landscape A4"
python3 "$checks" booklet-side "$WORK/nine-booklet.pdf" 1 "" "Page 1 of" || fail "9 pages, sheet 1 front"
python3 "$checks" booklet-side "$WORK/nine-booklet.pdf" 2 "Page 2 of" "" || fail "9 pages, sheet 1 back"
python3 "$checks" booklet-side "$WORK/nine-booklet.pdf" 3 "" "Page 3 of" || fail "9 pages, sheet 2 front"
python3 "$checks" booklet-side "$WORK/nine-booklet.pdf" 5 "Page 8 of" "Page 5 of" || fail "9 pages, sheet 3 front"
python3 "$checks" booklet-side "$WORK/nine-booklet.pdf" 6 "Page 6 of" "Page 7 of" || fail "9 pages, sheet 3 back"
# Creep: the innermost sheet's pages (sheet 3: 8 | 5) sit 1 mm nearer the
# spine than the outermost's (12 | 1); the middle sheet's half as much.
# word_x SIDE WORD: the left edge of WORD on that side of the booklet.
word_x() { pdftotext -bbox -f "$1" -l "$1" "$WORK/nine-booklet.pdf" - | grep -F ">$2<" | head -n 1 | sed -E 's/.*xMin="([0-9.]+)".*/\1/'; }
shift_of() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
outer=$(word_x 1 1); inner=$(word_x 5 5); middle=$(word_x 3 3)
[[ $(shift_of "$outer" "$inner") == 2.83 ]] || fail "creep: the inner sheet's page 5 is $(shift_of "$outer" "$inner") pt nearer the spine, not 2.83"
[[ $(shift_of "$outer" "$middle") == 1.42 ]] || fail "creep: the middle sheet's page 3 moved $(shift_of "$outer" "$middle") pt, not 1.42"
pass "booklet of 9 pages on A4: 3 sheets in folding order, 3 blank pages, creep 0 / 0.5 / 1 mm"

# 8 pages fold with no blank: sheet 1 front is the last page | page 1.
python3 "$checks" make-pdf "$WORK/eight.pdf" 8 trim 0 300 >/dev/null
"$GALLEY" impose "$WORK/eight.pdf" -o "$WORK/eight-booklet.pdf" --booklet >/dev/null
python3 "$checks" booklet-side "$WORK/eight-booklet.pdf" 1 "Page 8 of" "Page 1 of" || fail "8 pages, sheet 1 front"
python3 "$checks" booklet-side "$WORK/eight-booklet.pdf" 4 "Page 4 of" "Page 5 of" || fail "8 pages, sheet 2 back"
pass "booklet of 8 pages: sheet 1 front 8 | 1, sheet 2 back 4 | 5"

# Proofs: 2-up and 4-up in reading order.
"$GALLEY" impose "$WORK/nine.pdf" -o "$WORK/two.pdf" --n-up 2 >/dev/null
[[ $(python3 "$checks" pages "$WORK/two.pdf") == 5 ]] || fail "2-up of 9 pages is not 5 sides"
python3 "$checks" booklet-side "$WORK/two.pdf" 2 "Page 3 of" "Page 4 of" || fail "2-up side 2"
"$GALLEY" impose "$WORK/nine.pdf" -o "$WORK/four.pdf" --n-up 4 >/dev/null
[[ $(python3 "$checks" pages "$WORK/four.pdf") == 3 ]] || fail "4-up of 9 pages is not 3 sides"
pdftotext -f 2 -l 2 -layout "$WORK/four.pdf" - | tr -s ' \n' ' ' | contains -E "Page 5 of.*Page 6 of.*Page 7 of.*Page 8 of" ||
  fail "4-up side 2 is not pages 5-8 in reading order"
pass "2-up and 4-up proofs in reading order"

expect_exit 2 "$GALLEY" impose "$book" -o "$WORK/x.pdf"
expect_exit 2 "$GALLEY" impose "$book" -o "$WORK/x.pdf" --booklet --sheet b5
expect_exit 2 "$GALLEY" impose "$book" -o "$WORK/x.pdf" --booklet --n-up 2
printf 'not a pdf\n' >"$WORK/broken.pdf"
expect_exit 1 "$GALLEY" impose "$WORK/broken.pdf" -o "$WORK/x.pdf" --booklet
contains -F "broken.pdf" "$WORK/stderr" || fail "an unreadable PDF is not named: $(cat "$WORK/stderr")"
[[ ! -e $WORK/x.pdf ]] || fail "a failed imposition left an output"
pass "impose: usage errors exit 2, an unreadable PDF exits 1 naming it, leaving no output"

# Preflight: galley's own print PDFs pass (warnings only: the page count).
"$GALLEY" check --print --bleed 3mm "$book" >"$WORK/preflight.txt" || fail "the book fails preflight: $(cat "$WORK/preflight.txt")"
contains -F "0 failures" "$WORK/preflight.txt" || fail "preflight: $(cat "$WORK/preflight.txt")"
! contains -E "TrimBox|embedded|ppi|thinner|trim" "$WORK/preflight.txt" || fail "the book has findings: $(cat "$WORK/preflight.txt")"
"$GALLEY" check --print "$WORK/booklet.pdf" >"$WORK/preflight.txt" || fail "the booklet fails preflight: $(cat "$WORK/preflight.txt")"
# (Text only: galley sets a picture at 96 pixels an inch at most, which
# preflight fails, as it should, under 150.)
mkdir -p "$WORK/edition"
cp "$sample" "$WORK/edition/a.txt"
cp "$sample" "$WORK/edition/b.txt"
"$GALLEY" build "$WORK/edition" --edition --style book --bleed 3mm --marks --format pdf -o "$WORK/edition-out" >/dev/null 2>&1
"$GALLEY" check --print --bleed 3mm "$WORK/edition-out/edition.pdf" >"$WORK/preflight.txt" ||
  fail "the book edition fails preflight: $(cat "$WORK/preflight.txt")"
pass "galley check --print passes the book, its booklet and a book edition"

# A PDF made by hand with a 72-ppi picture on page 2 fails, naming page 2.
python3 "$checks" make-pdf "$WORK/low.pdf" 3 trim 2 72 >/dev/null
expect_exit 1 "$GALLEY" check --print "$WORK/low.pdf"
contains -E "failure: page 2: image .* is 72 ppi, under 150 ppi" "$WORK/stdout" || fail "72 ppi: $(cat "$WORK/stdout")"
contains -E "failure: pages 1–3: font Helvetica is not embedded" "$WORK/stdout" || fail "Helvetica: $(cat "$WORK/stdout")"
# 200 ppi is a warning (under 300), not a failure (the file still fails for Helvetica).
python3 "$checks" make-pdf "$WORK/fair.pdf" 4 trim 3 200 >/dev/null
expect_exit 1 "$GALLEY" check --print "$WORK/fair.pdf"
contains -E "warning: page 3: image .* is 200 ppi, under 300 ppi" "$WORK/stdout" || fail "200 ppi: $(cat "$WORK/stdout")"
# No TrimBox: a failure on every page.
python3 "$checks" make-pdf "$WORK/untrimmed.pdf" 4 none 0 300 >/dev/null
expect_exit 1 "$GALLEY" check --print "$WORK/untrimmed.pdf"
contains -F "failure: pages 1–4: no TrimBox" "$WORK/stdout" || fail "no TrimBox: $(cat "$WORK/stdout")"
# Less bleed than asked; text at the trim; a line under 0.25 pt; a page count a booklet cannot fold.
expect_exit 1 "$GALLEY" check --print --bleed 5mm "$book"
contains -F "failure: pages 1–3: bleed 3.0 mm, less than the 5.0 mm asked" "$WORK/stdout" || fail "bleed: $(cat "$WORK/stdout")"
contains -F "3 pages: a saddle-stitched booklet folds multiples of 4" "$WORK/stdout" || fail "page count: $(cat "$WORK/stdout")"
printf 'extends = "book"\n[page]\nmargin_inner = 0\nmargin_outer = 0\n' >"$WORK/edge.toml"
"$GALLEY" build "$sample" --style "$WORK/edge.toml" --bleed 3mm --format pdf -o "$WORK/edge" >/dev/null
expect_exit 0 "$GALLEY" check --print "$WORK/edge/article.pdf"
contains -E "warning: page 1: [0-9]+ text runs within 3.0 mm of the trim" "$WORK/stdout" || fail "text at the trim: $(cat "$WORK/stdout")"
pass "preflight fails a 72-ppi picture, a missing TrimBox and short bleed, warns of 200 ppi and text at the trim, naming pages"
expect_exit 2 "$GALLEY" check --print "$sample"
expect_exit 2 "$GALLEY" check --print --bleed 3parsecs "$book"
expect_exit 1 "$GALLEY" check --print "$WORK/broken.pdf"
pass "check --print: a non-PDF or a bad --bleed exits 2, an unreadable PDF 1"
