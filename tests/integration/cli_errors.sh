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
