# The command line of #19: -o FILE / -o -, standard input, -M metadata,
# help, -V, the nearest option, styles NAME, and check's missing checkers.
# Takes galley from $GALLEY, so it runs an installed copy as well as a build.
source "$(dirname "$0")/support/common.sh"
article="$SOURCE_DIR/input/article.txt"

# -o FILE.pdf writes exactly that file, its folder made; -o FILE.epub too.
expect_exit 0 "$GALLEY" build "$article" -o "$WORK/out/file.pdf"
[[ -f $WORK/out/file.pdf && ! -d $WORK/out/file.pdf ]] || fail "-o out/file.pdf did not write the file"
[[ ! -e $WORK/out/file.epub ]] || fail "-o file.pdf also wrote an EPUB"
qpdf --check "$WORK/out/file.pdf" >/dev/null || fail "-o file.pdf: qpdf --check"
expect_exit 0 "$GALLEY" build "$article" -o "$WORK/two/a.pdf" -o "$WORK/two/b.epub"
[[ -f $WORK/two/a.pdf && -f $WORK/two/b.epub ]] || fail "two -o files: $(ls "$WORK/two")"
expect_valid_epub "$WORK/two/b.epub" "-o b.epub: "
# A folder keeps today's behaviour.
mkdir "$WORK/folder.pdf"
expect_exit 0 "$GALLEY" build "$article" -o "$WORK/folder.pdf" --format pdf
[[ -f $WORK/folder.pdf/article.pdf ]] || fail "an existing folder named *.pdf is not used as a folder"
expect_exit 0 "$GALLEY" build "$article" -o "$WORK/dir/" --format epub
[[ -f $WORK/dir/article.epub ]] || fail "-o dir/ is not a folder"
# Several inputs, or a format the file contradicts: usage errors.
expect_exit 2 "$GALLEY" build "$article" "$SOURCE_DIR/tests/data/constructs.md" -o "$WORK/x.pdf"
expect_exit 2 "$GALLEY" build "$article" -o "$WORK/x.pdf" --format epub
[[ ! -e $WORK/x.pdf ]] || fail "a refused -o wrote a file"
pass "-o FILE.pdf / FILE.epub"

# -o - writes one format to standard output; --format is required.
"$GALLEY" build "$article" -o - --format pdf >"$WORK/stdout.pdf" 2>"$WORK/stderr" || fail "-o -: $(cat "$WORK/stderr")"
cmp -s "$WORK/stdout.pdf" "$WORK/out/file.pdf" || fail "-o - gives other bytes than -o file.pdf"
expect_exit 2 "$GALLEY" build "$article" -o -
contains -- "--format" "$WORK/stderr" || fail "-o - without --format does not say what is missing"
pass "-o - writes to standard output"

# "-" reads standard input; with no date and no SOURCE_DATE_EPOCH, the fixed
# epoch, never the clock: two runs a second apart give the same bytes.
printf 'A headline\n\nA first paragraph of the story.\n' >"$WORK/undated.txt"
env -u SOURCE_DATE_EPOCH "$GALLEY" build - --from plain -o "$WORK/stdin1.pdf" <"$WORK/undated.txt" 2>"$WORK/stderr" ||
  fail "build - : $(cat "$WORK/stderr")"
sleep 1.1
cat "$WORK/undated.txt" | env -u SOURCE_DATE_EPOCH "$GALLEY" build /dev/stdin --from plain -o "$WORK/stdin2.pdf" ||
  fail "build /dev/stdin"
cmp -s "$WORK/stdin1.pdf" "$WORK/stdin2.pdf" || fail "standard input's PDF depends on the clock"
pdfinfo "$WORK/stdin1.pdf" | contains "CreationDate:.*1970" || fail "standard input is not dated at the epoch: $(pdfinfo "$WORK/stdin1.pdf")"
pass "standard input, dated at the fixed epoch"

# -M overrides the article's metadata in both formats.
expect_exit 0 "$GALLEY" build "$article" -M "title=A Title From The Command Line" -M author=Ann -o "$WORK/meta/"
pdfinfo "$WORK/meta/article.pdf" | contains "^Title: *A Title From The Command Line" || fail "-M title is not the PDF's Title"
pdfinfo "$WORK/meta/article.pdf" | contains "^Author: *Ann$" || fail "-M author is not the PDF's Author"
unzip -p "$WORK/meta/article.epub" EPUB/package.opf 2>/dev/null | contains "<dc:title[^>]*>A Title From The Command Line</dc:title>" ||
  unzip -p "$WORK/meta/article.epub" '*.opf' | contains "A Title From The Command Line</dc:title>" || fail "-M title is not dc:title"
printf 'title: From A YAML File\nkeywords: [one, two]\n' >"$WORK/meta.yaml"
expect_exit 0 "$GALLEY" build "$article" --metadata-file "$WORK/meta.yaml" -o "$WORK/yaml.pdf"
pdfinfo "$WORK/yaml.pdf" | contains "^Title: *From A YAML File" || fail "--metadata-file's title is not the PDF's"
expect_exit 2 "$GALLEY" build "$article" -M titel=x -o "$WORK/bad.pdf"
contains '"title"' "$WORK/stderr" || fail "an unknown -M key is not answered with the nearest: $(cat "$WORK/stderr")"
pass "-M and --metadata-file"

# Small habits.
expect_exit 0 "$GALLEY" -V
contains "galley [0-9]" "$WORK/stdout" || fail "-V prints no version"
expect_exit 0 "$GALLEY" help build
contains -- "--metadata" "$WORK/stdout" || fail "help build is not build's help"
expect_exit 0 "$GALLEY" help
contains "preview" "$WORK/stdout" || fail "help lists no commands"
expect_exit 2 "$GALLEY" build --frmo plain "$article"
contains -- "--from" "$WORK/stderr" || fail "an unknown option is not answered with the nearest: $(cat "$WORK/stderr")"
expect_exit 0 "$GALLEY" styles book
cp "$WORK/stdout" "$WORK/mine.toml"
contains "^\[page\]" "$WORK/mine.toml" || fail "styles book prints no TOML"
expect_exit 0 "$GALLEY" build "$article" --style "$WORK/mine.toml" -o "$WORK/mine.pdf"
expect_exit 2 "$GALLEY" styles boko
pass "help, -V, nearest option, styles NAME"

# check: a checker that is not there is a finding, not "no findings".
expect_exit 1 env GALLEY_ACE=/nonexistent/ace "$GALLEY" check "$WORK/two/b.epub"
contains "Ace: not run" "$WORK/stdout" || fail "a missing Ace is not reported: $(cat "$WORK/stdout")"
if [[ ${GALLEY_SKIP_EPUBCHECK:-0} != 1 ]]; then
  expect_exit 0 env GALLEY_ACE=/nonexistent/ace "$GALLEY" check --allow-missing ace "$WORK/two/b.epub"
fi
pass "check: a missing checker is a finding unless allowed"
