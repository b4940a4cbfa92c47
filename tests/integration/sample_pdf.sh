# The sample article becomes a valid PDF of 2 to 4 pages, with every font
# embedded, the metadata set, and every word of the input in order.
source "$(dirname "$0")/support/common.sh"

"$GALLEY" build "$SOURCE_DIR/input/article.txt" -o "$WORK" --format pdf >/dev/null
pdf="$WORK/article.pdf"
[[ -s $pdf ]] || fail "no PDF written"
[[ ! -e $WORK/article.epub ]] || fail "--format pdf wrote an EPUB too"

qpdf --check "$pdf" >"$WORK/qpdf.txt" || fail "qpdf --check: $(cat "$WORK/qpdf.txt")"
grep -q "No syntax or stream encoding errors found" "$WORK/qpdf.txt" || fail "qpdf: $(cat "$WORK/qpdf.txt")"
pass "qpdf --check"

pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
(( pages >= 2 && pages <= 4 )) || fail "the sample takes $pages pages, expected 2 to 4"
pdfinfo "$pdf" | contains "^Title: *Who are ISIS-K" || fail "PDF title not set: $(pdfinfo "$pdf")"
pdfinfo "$pdf" | contains "^Creator: *galley" || fail "PDF creator not set"
pdfinfo "$pdf" | contains "^CreationDate: *Tue Nov 14 22:13:20 2023 UTC" || fail "creation date is not SOURCE_DATE_EPOCH: $(TZ=UTC pdfinfo "$pdf" | grep CreationDate)"
pass "$pages pages, metadata"

pdffonts "$pdf" | tail -n +3 >"$WORK/fonts.txt"
[[ -s $WORK/fonts.txt ]] || fail "no fonts in the PDF"
if awk '$(NF-4) != "yes" {exit 1}' "$WORK/fonts.txt"; then pass "every font embedded"; else fail "a font is not embedded: $(cat "$WORK/fonts.txt")"; fi
grep -q "EBGaramond12" "$WORK/fonts.txt" || fail "the theme's body face EB Garamond 12 is not used: $(cat "$WORK/fonts.txt")"

pdftotext "$pdf" "$WORK/pdf.txt"
python3 "$HERE/words_in_order.py" "$SOURCE_DIR/input/article.txt" "$WORK/pdf.txt" || fail "words lost in the PDF"
grep -q $'\u00ad' "$WORK/pdf.txt" || fail "no line ends at a hyphenation point: is hyphenation on?"
pass "words in order, hyphenated"

# A complete PDF: tagged, with XMP agreeing with the document information,
# the language, page labels, and a bookmark for the headline and each heading.
pdfinfo "$pdf" | contains "^Tagged: *yes" || fail "the PDF is not tagged"
pdfinfo "$pdf" | contains "^Metadata Stream: *yes" || fail "no XMP metadata"
pdfinfo -meta "$pdf" | contains "<rdf:li xml:lang=\"x-default\">Who are ISIS-K, the Islamic State" || fail "XMP title differs"
qpdf --json "$pdf" >"$WORK/pdf.json"
python3 - "$WORK/pdf.json" <<'PY' || fail "structure, language, labels or bookmarks wrong"
import json, sys
data = json.load(open(sys.argv[1]))
objects = data["qpdf"][1] if "qpdf" in data else data["objects"]
root = next(v["value"] for k, v in objects.items() if isinstance(v, dict) and isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog")
assert root.get("/Lang") == "u:en-GB", root.get("/Lang")
assert "/StructTreeRoot" in root and "/PageLabels" in root and "/Outlines" in root, sorted(root)
def count(items): return sum(1 + count(item["kids"]) for item in items)
assert count(data["outlines"]) == 7, data["outlines"]
assert [item["title"] for item in data["outlines"][0]["kids"]][0] == "Who are ISIS-K?"
PY
pass "tagged, XMP, /Lang, page labels, 7 bookmarks"
