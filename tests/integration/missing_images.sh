# An image an article names that cannot be had stops the article, from
# every reader that names images, with the file and the line that names it
# (for a .docx or .odt, the part of the package and its line), and nothing
# is written; --missing-images=describe makes it a warning with the same
# line and sets the figure as its caption and alt text, in the PDF and in an
# EPUB that epubcheck passes. An edition honours the option too.
source "$(dirname "$0")/support/common.sh"

DATA=$SOURCE_DIR/tests/data/missing-images
mkdir -p "$WORK/in"
cp "$DATA"/story.{md,nitf.xml,newsml.xml,html} "$WORK/in/"
python3 "$DATA/make_packages.py" "$WORK/in"

# The line each reader names the image on.
declare -A where=(
  [story.md]="story.md:9"
  [story.nitf.xml]="story.nitf.xml:12"
  [story.newsml.xml]="story.newsml.xml:13"
  [story.html]="story.html:14"
  [story.docx]="story.docx:word/document.xml:6"
  [story.odt]="story.odt:content.xml:6"
)
declare -A image=(
  [story.docx]="word/media/quay.png"
  [story.odt]="Pictures/quay.png"
)

for name in "${!where[@]}"; do
  stem=${name%%.*}-${name#*.}
  src=${image[$name]:-images/quay.png}
  mkdir -p "$WORK/out-$stem"
  echo "older output" >"$WORK/out-$stem/story.pdf"
  expect_exit 1 "$GALLEY" build "$WORK/in/$name" -o "$WORK/out-$stem/story.pdf" -o "$WORK/out-$stem/story.epub"
  contains -F "${where[$name]}: image '$src' not found" "$WORK/stderr" ||
    fail "$name: no error naming ${where[$name]}: $(cat "$WORK/stderr")"
  [[ $(cat "$WORK/out-$stem/story.pdf") == "older output" ]] || fail "$name: the failed build changed the older PDF"
  [[ $(ls "$WORK/out-$stem") == "story.pdf" ]] || fail "$name: the failed build wrote $(ls "$WORK/out-$stem")"
done
pass "a missing image is exit 1 naming file and line from Markdown, NITF, NewsML, HTML, DOCX and ODT; nothing written"

for name in "${!where[@]}"; do
  stem=${name%%.*}-${name#*.}
  out=$WORK/described-$stem
  mkdir -p "$out"
  expect_exit 0 "$GALLEY" build --missing-images=describe "$WORK/in/$name" -o "$out/story.pdf" -o "$out/story.epub"
  contains -E "warning: .*${where[$name]}: image '[^']*' not found" "$WORK/stderr" ||
    fail "$name: no warning naming ${where[$name]}: $(cat "$WORK/stderr")"
  pdftotext "$out/story.pdf" - | tr -s ' \n' '  ' >"$WORK/pdf.txt"
  python3 - "$out/story.epub" >"$WORK/epub.txt" <<'PY'
import re, sys, zipfile
archive = zipfile.ZipFile(sys.argv[1])
text = " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith("article.xhtml"))
assert "<img" not in text or "images/cover" in text, "an <img> is left for the missing picture"
print(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)))
PY
  for wanted in "Gulls over the empty quay" "Fishing boats are expected back"; do
    contains -F "$wanted" "$WORK/pdf.txt" || fail "$name: \"$wanted\" is not in the PDF: $(cat "$WORK/pdf.txt")"
    contains -F "$wanted" "$WORK/epub.txt" || fail "$name: \"$wanted\" is not in the EPUB"
  done
done
# The package is sound without the picture (epubcheck is slow: one EPUB
# stands for all; they are written by one path).
expect_valid_epub "$WORK/described-story-nitf.xml/story.epub" "story.nitf.xml: "
# Where the source gives a caption besides the alt text, both are kept.
for name in story.nitf.xml story.newsml.xml story.html; do
  stem=${name%%.*}-${name#*.}
  pdftotext "$WORK/described-$stem/story.pdf" - | tr -s ' \n' '  ' >"$WORK/pdf.txt"
  contains -F "The quay on Monday morning." "$WORK/pdf.txt" || fail "$name: the caption is not in the PDF"
done
pass "--missing-images=describe: exit 0, a warning with file and line, the alt text and caption in PDF and EPUB; epubcheck passes"

# Not only missing: a file that is not an image, and one in a format galley
# cannot embed, name their line too.
mkdir -p "$WORK/in/images"
printf 'GIF89a\1\0\1\0\0\0\0;' >"$WORK/in/images/quay.png"
expect_exit 1 "$GALLEY" build "$WORK/in/story.md" -o "$WORK/out-gif"
contains -F "story.md:9: image 'images/quay.png' is in GIF" "$WORK/stderr" || fail "GIF: $(cat "$WORK/stderr")"
head -c 100 "$TEST_DATA/images/chart.png" >"$WORK/in/images/quay.png"
expect_exit 1 "$GALLEY" build "$WORK/in/story.md" -o "$WORK/out-damaged"
contains -F "story.md:9: image 'images/quay.png' is damaged" "$WORK/stderr" || fail "damaged: $(cat "$WORK/stderr")"
[[ -z $(ls -A "$WORK/out-damaged" 2>/dev/null) ]] || fail "the damaged image left $(ls "$WORK/out-damaged")"
pass "an image in another format or cut short is exit 1 with its line"

# An edition: one article's missing picture stops the edition, or is described.
mkdir -p "$WORK/day"
cp "$DATA/story.md" "$WORK/day/quay.md"
printf -- '---\ntitle: Ferries\n---\n\nThe first ferry left on time.\n' >"$WORK/day/ferries.md"
expect_exit 1 "$GALLEY" build "$WORK/day" --edition -o "$WORK/edition"
contains -F "quay.md:9: image 'images/quay.png' not found" "$WORK/stderr" || fail "edition: $(cat "$WORK/stderr")"
[[ -z $(ls -A "$WORK/edition" 2>/dev/null) ]] || fail "the failed edition wrote $(ls "$WORK/edition")"
expect_exit 0 "$GALLEY" build "$WORK/day" --edition --missing-images=describe -o "$WORK/edition"
contains -F "quay.md:9: image 'images/quay.png' not found" "$WORK/stderr" || fail "edition warning: $(cat "$WORK/stderr")"
expect_valid_epub "$WORK/edition/day.epub" "edition: "
pdftotext "$WORK/edition/day.pdf" - | tr -s ' \n' '  ' | contains -F "Gulls over the empty quay" || fail "edition: the caption is not in the PDF"
pass "an edition stops for a missing image, or describes it with --missing-images=describe"

# The manifest's cover: its line is named, and describe draws a cover instead.
mkdir -p "$WORK/covered"
cp "$WORK/day/ferries.md" "$WORK/covered/"
printf 'title = "Harbour Weekly"\n\ncover = "art/cover.png"\n' >"$WORK/covered/edition.toml"
expect_exit 1 "$GALLEY" build "$WORK/covered" --edition -o "$WORK/covered-out"
contains -F "edition.toml:3: image 'art/cover.png' not found" "$WORK/stderr" || fail "cover: $(cat "$WORK/stderr")"
[[ -z $(ls -A "$WORK/covered-out" 2>/dev/null) ]] || fail "the failed edition wrote $(ls "$WORK/covered-out")"
expect_exit 0 "$GALLEY" build "$WORK/covered" --edition --missing-images=describe -o "$WORK/covered-out"
contains -F "edition.toml:3: image 'art/cover.png' not found" "$WORK/stderr" || fail "cover warning: $(cat "$WORK/stderr")"
expect_valid_epub "$WORK/covered-out/covered.epub" "covered edition: "
pass "an edition's missing cover is named with its manifest line"

# A batch's workers are handed the option.
expect_exit 0 "$GALLEY" build -j 2 --missing-images=describe "$WORK/day/quay.md" "$WORK/day/ferries.md" -o "$WORK/batch"
[[ -s $WORK/batch/quay.pdf && -s $WORK/batch/quay.epub ]] || fail "batch: $(ls "$WORK/batch")"
pass "a batch honours --missing-images=describe"

# A picture set without for want of its file is still the article's input:
# a rerun leaves the article alone until the file arrives, then builds it.
expect_exit 0 "$GALLEY" build --missing-images=describe "$WORK/day" -o "$WORK/incremental" --quiet
expect_exit 0 "$GALLEY" build --missing-images=describe "$WORK/day" -o "$WORK/incremental"
contains -x "galley: 0 built, 2 unchanged, 0 failed" "$WORK/stderr" || fail "rerun: $(cat "$WORK/stderr")"
mkdir -p "$WORK/day/images"
cp "$TEST_DATA/images/chart.png" "$WORK/day/images/quay.png"
expect_exit 0 "$GALLEY" build --missing-images=describe "$WORK/day" -o "$WORK/incremental"
[[ $(sort "$WORK/stdout" | tr '\n' ' ') == "$WORK/incremental/quay.epub $WORK/incremental/quay.pdf " ]] ||
  fail "the image's arrival should rebuild quay.md alone: $(cat "$WORK/stdout")"
pass "an article built without its missing picture is built again when the picture arrives"

expect_exit 2 "$GALLEY" build --missing-images=ignore "$WORK/in/story.md" -o "$WORK/usage"
contains -F -- "--missing-images" "$WORK/stderr" || fail "bad value: $(cat "$WORK/stderr")"
[[ -z $(ls -A "$WORK/usage" 2>/dev/null) ]] || fail "a usage error wrote $(ls "$WORK/usage")"
pass "--missing-images with a value other than fail or describe is a usage error (exit 2)"
