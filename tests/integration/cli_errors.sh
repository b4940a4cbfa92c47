# Bad input exits 1 naming the file; bad usage exits 2; a failed build
# leaves no partial file and never touches an older output.
source "$(dirname "$0")/support/common.sh"

expect_exit 0 "$GALLEY" --version
grep -q "galley [0-9]" "$WORK/stdout" || fail "--version prints no version"
expect_exit 0 "$GALLEY" --help
expect_exit 2 "$GALLEY"
expect_exit 2 "$GALLEY" build
expect_exit 2 "$GALLEY" build --no-such-option "$SOURCE_DIR/input/article.txt"
expect_exit 2 "$GALLEY" build --format docx "$SOURCE_DIR/input/article.txt"
expect_exit 2 "$GALLEY" build --style no-such-theme "$SOURCE_DIR/input/article.txt" -o "$WORK/out"
grep -q "no-such-theme" "$WORK/stderr" || fail "the unknown theme is not named: $(cat "$WORK/stderr")"
pass "usage errors exit 2"

expect_exit 1 "$GALLEY" build "$WORK/missing.txt" -o "$WORK/out"
grep -q "missing.txt" "$WORK/stderr" || fail "the missing file is not named: $(cat "$WORK/stderr")"
: >"$WORK/empty.txt"
expect_exit 1 "$GALLEY" build "$WORK/empty.txt" -o "$WORK/out"
grep -q "empty.txt" "$WORK/stderr" || fail "the empty file is not named"
printf '\n  \n\t\n' >"$WORK/blank.txt"
expect_exit 1 "$GALLEY" build "$WORK/blank.txt" -o "$WORK/out"
pass "bad input exits 1 and names the file"

# An older output survives a failed build, and no temporary file is left.
mkdir -p "$WORK/keep"
echo "older output" >"$WORK/keep/empty.pdf"
expect_exit 1 "$GALLEY" build "$WORK/empty.txt" -o "$WORK/keep"
[[ $(cat "$WORK/keep/empty.pdf") == "older output" ]] || fail "a failed build changed an older output"
[[ $(ls "$WORK/keep") == "empty.pdf" ]] || fail "a failed build left files behind: $(ls "$WORK/keep")"
pass "older output untouched"

# An output directory that is a file.
echo "a file" >"$WORK/not-a-directory"
expect_exit 2 "$GALLEY" build "$SOURCE_DIR/input/article.txt" -o "$WORK/not-a-directory"
grep -q "not-a-directory" "$WORK/stderr" || fail "the output path is not named"
pass "output directory that is a file exits 2"

# One good and one bad input: the good one is converted, the exit code is 1.
expect_exit 1 "$GALLEY" build "$WORK/empty.txt" "$SOURCE_DIR/input/article.txt" -o "$WORK/mixed"
[[ -s $WORK/mixed/article.pdf && -s $WORK/mixed/article.epub ]] || fail "a bad input stopped a good one"
pass "a bad input does not stop the others"

# inspect and preview take build's limits, with the same options.
python3 -c "print('Pages\n\n' + ' '.join('word%d' % i for i in range(6000)))" >"$WORK/pages.txt"
expect_exit 1 "$GALLEY" inspect --layout "$WORK/pages.txt" --max-pages 2
contains -e "pages.txt: sets into [0-9]* pages.*--max-pages" "$WORK/stderr" || fail "inspect: $(cat "$WORK/stderr")"
expect_exit 1 "$GALLEY" preview "$WORK/pages.txt" --max-pages 2 -o "$WORK/limited"
contains -e "pages.txt: sets into [0-9]* pages.*--max-pages" "$WORK/stderr" || fail "preview: $(cat "$WORK/stderr")"
[[ ! -e $WORK/limited ]] || fail "preview refused the input but wrote $(ls "$WORK/limited")"
python3 -c "print('Big\n\n' + 'word ' * 300000)" >"$WORK/big.txt"
for command in "inspect" "preview -o $WORK/limited"; do
  # shellcheck disable=SC2086  # the command's words
  expect_exit 1 "$GALLEY" $command "$WORK/big.txt" --max-input-mb 1
  contains -e "big.txt: larger than the limit of 1 MB" "$WORK/stderr" || fail "$command: $(cat "$WORK/stderr")"
done
printf '# Deep\n\n> > > > > deep words\n' >"$WORK/deep.md"
expect_exit 0 "$GALLEY" inspect --json "$WORK/deep.md" --max-depth 2
contains -e "deep.md:3: nested more than 2 levels" "$WORK/stderr" || fail "inspect --max-depth: $(cat "$WORK/stderr")"
contains "deep words" "$WORK/stdout" || fail "inspect --max-depth lost the words"
mkdir -p "$WORK/pictured"
python3 -c "
import struct, sys, zlib
def chunk(kind, body): return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body))
sys.stdout.buffer.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 3000, 3000, 8, 2, 0, 0, 0))
                        + chunk(b'IDAT', zlib.compress(b'\0' * 1000)) + chunk(b'IEND', b''))" >"$WORK/pictured/photo.png"
printf '# Pictured\n\n![A photo](photo.png)\n\nText.\n' >"$WORK/pictured/story.md"
expect_exit 1 "$GALLEY" preview "$WORK/pictured/story.md" --max-image-megapixels 5 -o "$WORK/limited"
contains -e "photo.png.*megapixels" "$WORK/stderr" || fail "preview --max-image-megapixels: $(cat "$WORK/stderr")"
[[ ! -e $WORK/limited ]] || fail "preview refused the image but wrote $(ls "$WORK/limited")"
expect_exit 1 "$GALLEY" inspect --layout "$WORK/pictured/story.md" --max-image-megapixels 5
contains -e "photo.png.*megapixels" "$WORK/stderr" || fail "inspect --max-image-megapixels: $(cat "$WORK/stderr")"
pass "inspect and preview take --max-input-mb, --max-depth, --max-pages and --max-image-megapixels"
