# Word and OpenDocument manuscripts: pandoc-written and hand-written files
# convert to an EPUB that epubcheck passes and a PDF that qpdf passes, with
# every word pandoc reads from them, their pictures embedded, no deleted
# tracked change or comment text; hostile or wrong archives exit 1 naming
# the file, and nothing is written.
source "$(dirname "$0")/support/common.sh"
OFFICE="$TEST_DATA/office"

convert() {  # FILE STEM
  "$GALLEY" build "$1" -o "$WORK/out" 2>"$WORK/warnings-$2.txt" >/dev/null || fail "$2: $(cat "$WORK/warnings-$2.txt")"
  expect_valid_epub "$WORK/out/$2.epub" "$2: "
  qpdf --check "$WORK/out/$2.pdf" >"$WORK/qpdf.txt" || fail "qpdf $2: $(cat "$WORK/qpdf.txt")"
  python3 "$HERE/epub_text.py" "$WORK/out/$2.epub" >"$WORK/$2.epub.txt"
  pdftotext "$WORK/out/$2.pdf" "$WORK/$2.pdf.txt"
}

for format in docx odt; do
  convert "$OFFICE/harbour.$format" harbour
  # pandoc's plain text, made once from the same file (harbour.FORMAT.plain.txt):
  # each of its words, less the markup pandoc spells out (~~, note numbers,
  # list numbers), in galley's EPUB (pandoc repeats captions, so words are
  # compared as a set).
  sed -E -e 's/~~//g' -e 's/\[[0-9]+\]//g' -e 's/^ *[0-9]+\. //' "$OFFICE/harbour.$format.plain.txt" >"$WORK/pandoc.txt"
  python3 - "$WORK/pandoc.txt" "$WORK/harbour.epub.txt" <<'PY' || fail "harbour.$format: words of pandoc's text missing from the EPUB"
import collections, re, sys
words = lambda path: collections.Counter(w.lower() for w in re.findall(r"\w+", open(path, encoding="utf-8").read()))
source, epub = words(sys.argv[1]), words(sys.argv[2])
missing = sorted(w for w in source if w not in epub)
if missing:
    print("missing:", missing)
    sys.exit(1)
PY
  for wanted in "Harbour reopens after the storm" "Boats return as the sea wall is repaired" "Jane Doe"; do
    contains -F "$wanted" "$WORK/harbour.epub.txt" || fail "harbour.$format: \"$wanted\" not in the EPUB"
    tr '\n' ' ' <"$WORK/harbour.pdf.txt" | contains -F "$wanted" || fail "harbour.$format: \"$wanted\" not in the PDF"
  done
  unzip -l "$WORK/out/harbour.epub" | contains -E 'images/image-1\.jpg' || fail "harbour.$format: the photo is not in the EPUB"
  pdfimages -list "$WORK/out/harbour.pdf" | contains jpeg || fail "harbour.$format: the photo is not in the PDF"
  pass "harbour.$format (pandoc): epubcheck and qpdf pass, pandoc's words in the EPUB, photo in both"
done

for format in docx odt; do
  convert "$OFFICE/handwritten.$format" handwritten
  for wanted in "Der Hafenbericht" "Morgen am Kai" "eingefügtem Text" "auf Seite 7" "Der Fußnotentext" "Abbildung 1: Die Möwe" \
      "Ein Diagramm der Gezeiten" "Wieder eins"; do
    contains -F "$wanted" "$WORK/handwritten.epub.txt" || fail "handwritten.$format: \"$wanted\" not in the EPUB"
  done
  for unwanted in GELÖSCHT KOMMENTAR VERSTECKT FELDBEFEHL GESTRICHENEZEILE; do
    ! contains -F "$unwanted" "$WORK/handwritten.epub.txt" "$WORK/handwritten.pdf.txt" ||
      fail "handwritten.$format: \"$unwanted\" (deleted, comment or hidden text) reached an output"
  done
  contains "tracked changes" "$WORK/warnings-handwritten.txt" || fail "handwritten.$format: no warning about tracked changes"
  contains -E "(EMF|WMF) galley cannot draw" "$WORK/warnings-handwritten.txt" || fail "handwritten.$format: no warning about the metafile"
  unzip -l "$WORK/out/handwritten.epub" | contains -E 'images/image-1\.png' || fail "handwritten.$format: the picture is not in the EPUB"
  pass "handwritten.$format: accepted changes, no comment, hidden or deleted text, picture embedded, warnings given"
done

# Bad input: exit 1, the file named, no output written.
python3 - "$WORK/bad" <<'PY'
import os, sys, zipfile
folder = sys.argv[1]
os.makedirs(folder)
def zip_of(name, entries, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(folder, name), "w", method) as archive:
        for entry, data in entries:
            archive.writestr(entry, data)
document = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>'
zip_of("bomb.docx", [("word/document.xml", document + " " * (20 << 20))])
zip_of("escape.docx", [("word/document.xml", document), ("../../etc/evil.xml", "<x/>")])
zip_of("not-a-document.docx", [("readme.txt", "hello")])
zip_of("spreadsheet.odt", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")], zipfile.ZIP_STORED)
whole = open(os.path.join(folder, "escape.docx"), "rb").read()
zip_of("good.docx", [("word/document.xml", document)])
good = open(os.path.join(folder, "good.docx"), "rb").read()
open(os.path.join(folder, "truncated.docx"), "wb").write(good[: len(good) // 2])
header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(64)
open(os.path.join(folder, "locked.docx"), "wb").write(header)
os.remove(os.path.join(folder, "good.docx"))
PY
check_refused() {  # FILE PATTERN
  local stem
  stem=$(basename "${1%.*}")
  expect_exit 1 "$GALLEY" build "$1" -o "$WORK/refused"
  contains -F "$(basename "$1")" "$WORK/stderr" || fail "$stem: the message does not name the file: $(cat "$WORK/stderr")"
  contains -E "$2" "$WORK/stderr" || fail "$stem: unexpected message: $(cat "$WORK/stderr")"
  [[ -z "$(ls -A "$WORK/refused" 2>/dev/null)" ]] || fail "$stem: something was written: $(ls "$WORK/refused")"
}
check_refused "$WORK/bad/bomb.docx" "zip bomb"
check_refused "$WORK/bad/escape.docx" "outside itself"
check_refused "$WORK/bad/not-a-document.docx" "not a Word document"
check_refused "$WORK/bad/spreadsheet.odt" "spreadsheet"
check_refused "$WORK/bad/truncated.docx" "cut short"
check_refused "$WORK/bad/locked.docx" "password"
pass "zip bomb, path escape, foreign zip, truncated and encrypted files: exit 1, file named, nothing written"

# Chosen by content without an extension, and by --from.
cp "$OFFICE/harbour.docx" "$WORK/manuscript"
cp "$OFFICE/harbour.odt" "$WORK/manuscript-odt"
"$GALLEY" inspect --json "$WORK/manuscript" | contains -F '"title": "Harbour reopens after the storm"' || fail "a .docx without its extension"
"$GALLEY" inspect --json "$WORK/manuscript-odt" | contains -F '"title": "Harbour reopens after the storm"' || fail "an .odt without its extension"
"$GALLEY" inspect --json --from odt "$WORK/manuscript-odt" >/dev/null || fail "--from odt"
expect_exit 1 "$GALLEY" inspect --json --from docx "$WORK/manuscript-odt"
contains "OpenDocument" "$WORK/stderr" || fail "--from docx on an .odt: $(cat "$WORK/stderr")"
pass "found by content without an extension; --from docx|odt"
