# Every character has a glyph (issue 18): no PDF shows the empty .notdef box.
# The sample, test articles of the readers and of tests/layout, and an
# article with emoji in its headline (so in its running heads) and its text,
# each set in all four themes, are checked with missing_glyphs.py (mutool
# trace for what each glyph stands for, fontconfig for what its font has).
source "$(dirname "$0")/support/common.sh"

# The checker must see a missing glyph when there is one: U+0378 is not a
# character, and no font has it.
printf 'A missing glyph\n\nThe unassigned \xcd\xb8 shows as a box.\n' >"$WORK/missing.txt"
"$GALLEY" build "$WORK/missing.txt" -o "$WORK/missing" --format pdf >/dev/null 2>"$WORK/stderr" ||
  fail "galley failed: $(cat "$WORK/stderr")"
expect_exit 1 python3 "$HERE/missing_glyphs.py" "$WORK/missing/missing.pdf"
contains -F "no glyph for U+0378" "$WORK/stdout" || fail "the checker missed U+0378: $(cat "$WORK/stdout")"

cat >"$WORK/emoji.md" <<'MD'
---
title: "Fireworks 🎆 light up the harbour 🙂 as the city celebrates"
lang: en-GB
---

The crowd cheered 🎉 as the first rockets rose over the water; some held up
their phones 📱 ✨ and others simply watched ☀ from the quay.
MD
for pass in 1 2 3 4 5 6; do
  printf '\nThe harbour filled with boats whose crews had come from every town along the coast to watch the display that the city puts on each year, and the bridges were closed to traffic from six.\n' >>"$WORK/emoji.md"
done

inputs=("$SOURCE_DIR/input/article.txt" "$WORK/emoji.md" "$TEST_DATA/constructs.md" "$TEST_DATA/story.nitf.xml"
        "$TEST_DATA/html/news-page.html" "$SOURCE_DIR/tests/layout/notes.md")
pdfs=()
for style in article book broadsheet large-print; do
  "$GALLEY" build "${inputs[@]}" -o "$WORK/$style" --style "$style" --format pdf >/dev/null 2>"$WORK/stderr" ||
    fail "galley build --style $style: $(cat "$WORK/stderr")"
  pdfs+=("$WORK/$style"/*.pdf)
done
(( ${#pdfs[@]} == 4 * ${#inputs[@]} )) || fail "expected $((4 * ${#inputs[@]})) PDFs, found ${#pdfs[@]}"
python3 "$HERE/missing_glyphs.py" "${pdfs[@]}" >"$WORK/result" || fail "$(cat "$WORK/result")"
pass "every character of ${#pdfs[@]} PDFs has a glyph in its font, emoji in a headline and its running heads included"
