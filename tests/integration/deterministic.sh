# The same input gives byte-identical PDF and EPUB whatever the time zone,
# the locale (a decimal-comma one included) and the input file's timestamp.
source "$(dirname "$0")/support/common.sh"

cp "$SOURCE_DIR/input/article.txt" "$WORK/article.txt"
touch -d "2001-02-03 04:05:06" "$WORK/article.txt"
TZ=UTC LC_ALL=C "$GALLEY" build "$WORK/article.txt" -o "$WORK/first" >/dev/null
touch -d "2011-12-13 14:15:16" "$WORK/article.txt"
locale -a | grep -qi '^de_DE.utf8$' || fail "the de_DE.UTF-8 locale is missing (scripts/install-deps makes it)"
TZ=Asia/Kolkata LC_ALL=de_DE.UTF-8 "$GALLEY" build "$WORK/article.txt" -o "$WORK/second" >/dev/null
for format in pdf epub; do
  cmp "$WORK/first/article.$format" "$WORK/second/article.$format" || fail "$format differs between runs"
done
pass "byte-identical across TZ and locale"

# Without SOURCE_DATE_EPOCH or a date in the article, the file's time is used.
unset SOURCE_DATE_EPOCH
touch -d "2020-05-06 07:08:09 UTC" "$WORK/article.txt"
TZ=America/New_York "$GALLEY" build "$WORK/article.txt" -o "$WORK/third" --format pdf >/dev/null
TZ=UTC pdfinfo "$WORK/third/article.pdf" | contains "CreationDate: *Wed May  6 07:08:09 2020 UTC" ||
  fail "the PDF date is not the input's modification time: $(TZ=UTC pdfinfo "$WORK/third/article.pdf" | grep CreationDate)"
pass "dates from the input's modification time"
