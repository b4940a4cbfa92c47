# A Markdown article with every construct (front matter, emphasis, a table,
# images, nested lists, task lists, quotes, code, raw HTML, footnotes)
# becomes an EPUB epubcheck passes and a PDF qpdf passes, both with every
# word, the images embedded and the code wrapped with a mark.
source "$(dirname "$0")/support/common.sh"

"$GALLEY" build "$TEST_DATA/constructs.md" -o "$WORK" 2>"$WORK/warnings.txt" >/dev/null ||
  fail "build failed: $(cat "$WORK/warnings.txt")"
grep -q "constructs.md:50: raw HTML kept as its text only" "$WORK/warnings.txt" ||
  fail "no warning with file:line for the raw HTML: $(cat "$WORK/warnings.txt")"
epub="$WORK/constructs.epub" pdf="$WORK/constructs.pdf"

expect_valid_epub "$epub"
pass "epubcheck: 0 errors, 0 warnings"

unzip -l "$epub" | contains "EPUB/images/image-1.jpg" || fail "the JPEG is not in the EPUB"
unzip -l "$epub" | contains "EPUB/images/image-2.png" || fail "the PNG is not in the EPUB"
unzip -p "$epub" EPUB/article.xhtml >"$WORK/article.xhtml"
grep -q '<img src="images/image-1.jpg" alt="Boats in the harbour at dawn"' "$WORK/article.xhtml" || fail "no img with alt text"
grep -q '<thead>' "$WORK/article.xhtml" || fail "the table has no header"
grep -q 'epub:type="footnote"' "$WORK/article.xhtml" || fail "no footnotes"
grep -q '<s>closed</s>' "$WORK/article.xhtml" || fail "no strikethrough"
grep -q '<a href="https://port.example.org">' "$WORK/article.xhtml" || fail "no link"
! grep -q 'script\|onclick\|<div' "$WORK/article.xhtml" || fail "raw HTML passed through"
unzip -p "$epub" EPUB/package.opf | contains 'schema:accessMode">visual' || fail "no accessMode visual"
pass "images, table, notes, links in the EPUB; no raw HTML"

python3 "$HERE/epub_text.py" "$epub" >"$WORK/epub.txt"
python3 "$HERE/words_in_order.py" "$TEST_DATA/constructs.words.txt" "$WORK/epub.txt" || fail "words lost in the EPUB"
pass "EPUB words in order"

qpdf --check "$pdf" >"$WORK/qpdf.txt" || fail "qpdf --check: $(cat "$WORK/qpdf.txt")"
pdfimages -list "$pdf" >"$WORK/images.txt"
grep -q " 124 *84 .* jpeg " "$WORK/images.txt" || fail "the JPEG is not embedded as JPEG: $(cat "$WORK/images.txt")"
grep -q " 160 *100 " "$WORK/images.txt" || fail "the PNG is not embedded: $(cat "$WORK/images.txt")"
pass "qpdf --check; JPEG embedded without recompression"

# In reading order, as the page's content gives it (-raw): on the page a
# figure floats to a column's foot or head, away from where the text
# mentions it. In print the two footnotes (the words file's last two lines)
# stand at the foot of the pages that refer to them: the text and the notes
# are each in order.
pdftotext -raw "$pdf" "$WORK/pdf.txt"
head -n -2 "$TEST_DATA/constructs.words.txt" >"$WORK/text.words"
tail -n 2 "$TEST_DATA/constructs.words.txt" >"$WORK/notes.words"
python3 "$HERE/words_in_order.py" "$WORK/text.words" "$WORK/pdf.txt" || fail "words lost in the PDF"
python3 "$HERE/words_in_order.py" "$WORK/notes.words" "$WORK/pdf.txt" || fail "footnote words lost in the PDF"
grep -q $'\u21AA' "$WORK/pdf.txt" || fail "the long code line is not wrapped with a mark"
pass "PDF words in order, code wrapped with a mark"
