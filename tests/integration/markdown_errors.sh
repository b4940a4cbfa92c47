# Images that cannot be used stop the article with a message naming the
# image and the article; paths outside the article's folder need an option;
# broken front matter names its line; --from overrides the extension.
source "$(dirname "$0")/support/common.sh"

mkdir -p "$WORK/story/pics"
cp "$TEST_DATA/images/photo.jpg" "$WORK/story/pics/"
cp "$TEST_DATA/images/photo.jpg" "$WORK/outside.jpg"
article() { printf '# Harbour\n\nText.\n\n![A photo](%s)\n' "$1" >"$WORK/story/story.md"; }

article pics/photo.jpg
expect_exit 0 "$GALLEY" build "$WORK/story/story.md" -o "$WORK/out"
pass "an image beside the article is found"

article pics/missing.jpg
expect_exit 1 "$GALLEY" build "$WORK/story/story.md" -o "$WORK/out"
grep -q "story.md:5: image 'pics/missing.jpg' not found" "$WORK/stderr" || fail "missing image: $(cat "$WORK/stderr")"
pass "a missing image is an error naming it and the article"

article ../outside.jpg
expect_exit 1 "$GALLEY" build "$WORK/story/story.md" -o "$WORK/out"
grep -q "story.md:5: image '../outside.jpg' is outside the article" "$WORK/stderr" || fail "escape: $(cat "$WORK/stderr")"
expect_exit 0 "$GALLEY" build --allow-outside-images "$WORK/story/story.md" -o "$WORK/out"
pass "../ is refused unless --allow-outside-images"

article "$TEST_DATA/images/huge.png"
expect_exit 1 "$GALLEY" build --allow-outside-images "$WORK/story/story.md" -o "$WORK/out"
grep -q 'megapixels' "$WORK/stderr" || fail "huge image: $(cat "$WORK/stderr")"
article "$TEST_DATA/images/not-an-image.png"
expect_exit 1 "$GALLEY" build --allow-outside-images "$WORK/story/story.md" -o "$WORK/out"
grep -q 'not a PNG or JPEG' "$WORK/stderr" || fail "not an image: $(cat "$WORK/stderr")"
pass "oversized and foreign images are refused"

printf -- '---\ntitle: [unclosed\n---\n\nText.\n' >"$WORK/broken.md"
expect_exit 1 "$GALLEY" build "$WORK/broken.md" -o "$WORK/out"
grep -q 'broken.md:[23]: broken front matter' "$WORK/stderr" || fail "front matter: $(cat "$WORK/stderr")"
pass "broken front matter names its line"

printf '# A heading\n\n*emphasis*\n' >"$WORK/notes.txt"
expect_exit 0 "$GALLEY" inspect --json --from markdown "$WORK/notes.txt"
grep -q '"title": *"A heading"' "$WORK/stdout" || fail "--from markdown not used: $(cat "$WORK/stdout")"
expect_exit 2 "$GALLEY" build --from wordperfect "$WORK/notes.txt"
pass "--from overrides the extension; an unknown format is a usage error"
