# The sample article becomes an EPUB 3 that epubcheck passes without a
# single error or warning, with every word of the input in order.
source "$(dirname "$0")/support/common.sh"

"$GALLEY" build "$SOURCE_DIR/input/article.txt" -o "$WORK" --format epub >/dev/null
epub="$WORK/article.epub"
[[ -s $epub ]] || fail "no EPUB written"
[[ ! -e $WORK/article.pdf ]] || fail "--format epub wrote a PDF too"

expect_valid_epub "$epub"
pass "epubcheck: 0 errors, 0 warnings"

# mimetype first, stored, with no extra field: bytes 0-3 the signature,
# 8-9 method 0, 28-29 extra length 0, then the name "mimetype" at 30.
python3 - "$epub" <<'PY' || fail "mimetype entry is not first, stored and bare"
import struct, sys
data = open(sys.argv[1], "rb").read(64)
assert data[:4] == b"PK\x03\x04", "not a zip"
method, = struct.unpack("<H", data[8:10]); extra, = struct.unpack("<H", data[28:30])
assert method == 0 and extra == 0 and data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"
PY
pass "mimetype first, stored, no extra field"

python3 "$HERE/epub_text.py" "$epub" >"$WORK/epub.txt"
python3 "$HERE/words_in_order.py" "$SOURCE_DIR/input/article.txt" "$WORK/epub.txt" || fail "words lost in the EPUB"
pass "words in order"
