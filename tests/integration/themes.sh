# Every built-in theme: the sample builds to a PDF qpdf passes and an EPUB
# epubcheck passes with no error or warning; `galley styles` lists them with
# their descriptions; preview writes the pages asked for at the page's size;
# a user theme extends a built-in one; a broken theme names file and line; a
# missing font is a warning naming the substitute.
source "$(dirname "$0")/support/common.sh"

sample="$SOURCE_DIR/input/article.txt"

"$GALLEY" styles >"$WORK/styles.txt"
themes=$(cut -f1 "$WORK/styles.txt")
for wanted in article broadsheet book large-print; do
  grep -q "^$wanted	." "$WORK/styles.txt" || fail "galley styles does not list $wanted with a description"
done
pass "galley styles lists $(echo $themes | wc -w) themes with descriptions"

declare -A page_width=([article]=827 [broadsheet]=1500 [book]=600 [large-print]=827)
declare -A page_height=([article]=1169 [broadsheet]=2275 [book]=900 [large-print]=1169)
for theme in $themes; do
  out="$WORK/$theme"
  "$GALLEY" build "$sample" --style "$theme" -o "$out" >/dev/null 2>"$WORK/build-$theme.txt" ||
    fail "$theme: build failed: $(cat "$WORK/build-$theme.txt")"
  qpdf --check "$out/article.pdf" >"$WORK/qpdf.txt" 2>&1 || fail "$theme: qpdf --check: $(cat "$WORK/qpdf.txt")"
  grep -q "No syntax or stream encoding errors" "$WORK/qpdf.txt" || fail "$theme: qpdf: $(cat "$WORK/qpdf.txt")"
  expect_valid_epub "$out/article.epub" "$theme: "
  ! grep -q "font family" "$WORK/build-$theme.txt" || fail "$theme: a font is missing: $(cat "$WORK/build-$theme.txt")"
  pass "$theme: PDF passes qpdf --check, EPUB passes epubcheck (0 errors, 0 warnings)"

  # Two pages, or one when the whole article fits on one (a broadsheet page).
  pages=$(pdfinfo "$out/article.pdf" | awk '/^Pages:/ {print $2}')
  wanted=$((pages < 2 ? pages : 2))
  "$GALLEY" preview "$sample" --style "$theme" --pages 2 -o "$WORK/preview-$theme" >"$WORK/preview.txt"
  [[ $(wc -l <"$WORK/preview.txt") == "$wanted" ]] ||
    fail "$theme: preview did not write $wanted pages: $(cat "$WORK/preview.txt")"
  [[ $(ls "$WORK/preview-$theme" | wc -l) == "$wanted" ]] || fail "$theme: stray files: $(ls "$WORK/preview-$theme")"
  for page in $(seq 1 "$wanted"); do
    png="$WORK/preview-$theme/article-$page.png"
    [[ -s $png ]] || fail "$theme: no $png"
    size=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[1:4]==b"PNG"; print(*struct.unpack(">II", d[16:24]))' "$png")
    if [[ -n ${page_width[$theme]:-} ]]; then
      [[ $size == "${page_width[$theme]} ${page_height[$theme]}" ]] ||
        fail "$theme: page $page is $size pixels, expected ${page_width[$theme]} ${page_height[$theme]}"
    fi
  done
  pass "$theme: preview writes $wanted PNGs of $size pixels at 100 dpi"
done

# The CSS differs between the themes.
for theme in $themes; do unzip -p "$WORK/$theme/article.epub" EPUB/style.css | md5sum; done | sort -u >"$WORK/css-sums"
[[ $(wc -l <"$WORK/css-sums") == $(echo $themes | wc -w) ]] || fail "two themes give the same EPUB CSS"
unzip -p "$WORK/large-print/article.epub" EPUB/style.css | contains "word-spacing" ||
  fail "large-print's EPUB lacks styles/large-print.css"
pass "every theme gives its own EPUB CSS, with its CSS file appended"

# The book carries its fonts; epubcheck (above) accepted them.
unzip -l "$WORK/book/article.epub" | contains "EPUB/fonts/.*\.otf" || fail "the book's EPUB carries no fonts"
unzip -p "$WORK/book/article.epub" EPUB/style.css | contains "@font-face" || fail "the book's CSS has no @font-face"
! unzip -l "$WORK/article/article.epub" | contains "EPUB/fonts/" || fail "the article's EPUB carries fonts"
pass "book embeds its fonts with @font-face; article does not"

# Preview defaults to one page.
"$GALLEY" preview "$sample" -o "$WORK/one" >/dev/null
[[ $(ls "$WORK/one") == "article-1.png" ]] || fail "preview without --pages wrote $(ls "$WORK/one")"
pass "preview writes one page by default"

# A user theme extends a built-in one, with its own CSS beside it.
mkdir -p "$WORK/house"
printf 'extends = "book"\ndescription = "House"\n[body]\nsize = 11\n' >"$WORK/house/house.toml"
printf 'p.house-only { color: #123456; }\n' >"$WORK/house/house.css"
"$GALLEY" build "$sample" --style "$WORK/house/house.toml" -o "$WORK/house-out" >/dev/null 2>"$WORK/stderr" ||
  fail "a theme extending book failed: $(cat "$WORK/stderr")"
unzip -p "$WORK/house-out/article.epub" EPUB/style.css | contains "house-only" || fail "house.css is not in the EPUB"
unzip -p "$WORK/house-out/article.epub" EPUB/style.css | contains "first-letter" || fail "book's drop cap was not inherited"
pass "a user theme extends a built-in one and adds its CSS"

# A broken theme: file, line and a suggestion.
printf 'extends = "article"\n[body]\nsise = 11\n' >"$WORK/house/broken.toml"
expect_exit 1 "$GALLEY" build "$sample" --style "$WORK/house/broken.toml" -o "$WORK/broken-out"
grep -q "broken.toml:3" "$WORK/stderr" || fail "the error does not name broken.toml:3: $(cat "$WORK/stderr")"
grep -q "did you mean 'size'" "$WORK/stderr" || fail "no suggestion: $(cat "$WORK/stderr")"
pass "a broken theme is an error naming file, line and the nearest key"

printf 'extends = "cycle-b.toml"\n' >"$WORK/house/cycle-a.toml"
printf 'extends = "cycle-a.toml"\n' >"$WORK/house/cycle-b.toml"
expect_exit 1 "$GALLEY" build "$sample" --style "$WORK/house/cycle-a.toml" -o "$WORK/broken-out"
grep -q "cycle" "$WORK/stderr" || fail "a cycle is not reported: $(cat "$WORK/stderr")"
pass "themes extending each other in a cycle are an error"

# A missing font is a warning that names the substitute, and the build goes on.
printf 'extends = "article"\n[headline]\nfamily = "Galley Nonexistent Display"\n' >"$WORK/house/nofont.toml"
"$GALLEY" build "$sample" --style "$WORK/house/nofont.toml" -o "$WORK/nofont-out" >/dev/null 2>"$WORK/stderr" ||
  fail "a missing font failed the build: $(cat "$WORK/stderr")"
grep -q 'warning: .*nofont.toml.*"Galley Nonexistent Display" is not installed; using ".*" instead' "$WORK/stderr" ||
  fail "no warning naming the substitute: $(cat "$WORK/stderr")"
pass "a missing font is a warning naming the substitute"
