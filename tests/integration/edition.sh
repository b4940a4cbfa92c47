# Editions: a folder of articles in three formats made into one PDF and one
# EPUB, as a manifest (TOML or YAML) or the folder's order says; the
# contents' page numbers checked against where each headline really stands,
# bookmarks, running heads, the front moved before the articles in tagged
# order, the same bytes twice, and every bad manifest refused with its line.
source "$(dirname "$0")/support/common.sh"

day="$WORK/2026-11-28"
mkdir -p "$day/images"
cp "$SOURCE_DIR/input/article.txt" "$day/isis-k.txt"
cp "$SOURCE_DIR/tests/data/story.nitf.xml" "$day/harbour.xml"
cp "$SOURCE_DIR/tests/data/constructs.md" "$day/constructs.md"
cp "$SOURCE_DIR/tests/data/images/"{chart.png,photo.jpg} "$day/images/"
cat >"$day/markets.md" <<'EOF'
---
title: Markets rally as rates hold
author: Ada Lovelace
date: 2026-11-28
description: Shares rose for a third day after the central bank left rates unchanged.
---
Shares rose for a third day on Friday after the central bank left its main rate unchanged.

Traders said the decision had been expected, but the tone of the statement surprised many.
EOF
cat >"$day/edition.toml" <<'EOF'
title = "The Test Chronicle"
issue = "No. 12"
date = 2026-11-28
publisher = "Galley Press"

[[sections]]
title = "News"
articles = ["isis-k.txt", "harbour.xml"]

[[sections]]
title = "Business"
articles = ["markets.md", "constructs.md"]
EOF

titles=("Who are ISIS-K, the Islamic State splinter group" "Harbour reopens after the storm"
        "Markets rally as rates hold")

# The PDF's text page by page, and where each headline stands.
page_of() {  # page_of PDF TEXT: the first page whose text holds TEXT
  local pdf=$1 text=$2 pages page
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((page = 2; page <= pages; page++)); do
    pdftotext -f "$page" -l "$page" "$pdf" - | tr '\n' ' ' | contains -F "$text" && { echo "$page"; return; }
  done
  echo 0
}

check_edition() {  # check_edition PDF THEME
  local pdf=$1 theme=$2
  qpdf --check "$pdf" >/dev/null || fail "$theme: qpdf --check"
  pdfinfo "$pdf" | contains -E '^Tagged: +yes' || fail "$theme: not tagged"
  pdfinfo "$pdf" | contains -F "The Test Chronicle" || fail "$theme: title"
  pdffonts "$pdf" | awk 'NR > 2 && $(NF-4) != "yes" {exit 1}' || fail "$theme: a font not embedded"
  pdftotext -f 1 -l 1 -layout "$pdf" "$WORK/front.txt"
  contains -F "The Test Chronicle" "$WORK/front.txt" || fail "$theme: no nameplate on page 1"
  contains -F "Contents" "$WORK/front.txt" || fail "$theme: no contents on page 1"
  contains -Fi "No. 12" "$WORK/front.txt" || fail "$theme: no issue line"
  # Each article's bookmark leads to the page its headline is on, and its
  # contents entry on page 1 (a link area) shows that page's number.
  python3 - "$pdf" "$theme" "${titles[@]}" <<'PY' || fail "$theme: contents numbers"
import html, json, re, subprocess, sys
pdf, theme, titles = sys.argv[1], sys.argv[2], sys.argv[3:]
def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout
pages = {}
def walk(items):
    for item in items:
        pages.setdefault(item["title"], item["destpageposfrom1"])
        walk(item.get("kids", []))
walk(json.loads(run("qpdf", "--json", "--json-key=outlines", pdf))["outlines"])
# Page 1's words with their boxes (points from the top left), and its link areas.
words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in
         re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                    run("pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-"))]
height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', run("pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-")).group(1))
data = json.loads(run("qpdf", "--json=1", "--json-key=pages", "--json-key=objects", pdf))
def resolve(item):
    return data["objects"][item] if isinstance(item, str) and item.endswith(" R") else item
areas = []
for reference in resolve(resolve(data["pages"][0]["object"]).get("/Annots", [])):
    annotation = resolve(reference)
    if annotation.get("/Subtype") != "/Link":
        continue
    x0, y0, x1, y1 = annotation["/Rect"]
    inside = [w for w in words if w[0] >= x0 - 1 and w[2] <= x1 + 1 and w[1] >= height - y1 - 1 and w[3] <= height - y0 + 1]
    inside.sort(key=lambda w: (round(w[1]), w[0]))
    areas.append(inside)
for title in titles:
    bookmark = next((page for name, page in pages.items() if name.startswith(title)), None)
    assert bookmark, (theme, "no bookmark", title, list(pages))
    text = " ".join(run("pdftotext", "-f", str(bookmark), "-l", str(bookmark), pdf, "-").split())
    assert title in text, (theme, title, "not on its bookmark's page", bookmark)
    entry = next((area for area in areas if " ".join(w[4] for w in area).startswith(title[:25])), None)
    assert entry, (theme, title, "has no contents entry linking to it")
    numbers = [w for w in entry if w[4].isdigit()]
    assert numbers, (theme, title, "contents entry without a number", [w[4] for w in entry])
    number = max(numbers, key=lambda w: w[2])[4]  # the rightmost
    assert int(number) == bookmark, (theme, title, "contents say", number, "bookmark and headline on", bookmark)
PY
  # A bookmark for each section and each article, under the edition's.
  python3 - "$pdf" "$theme" <<'PY' || fail "$theme: bookmarks"
import json, subprocess, sys
data = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", sys.argv[1]],
                                 check=True, capture_output=True, text=True).stdout)
def titles(items, depth=0):
    for item in items:
        yield depth, item["title"]
        yield from titles(item.get("kids", []), depth + 1)
found = list(titles(data["outlines"]))
names = [title for _, title in found]
for wanted in ["The Test Chronicle", "News", "Business", "Markets rally as rates hold", "Harbour reopens after the storm"]:
    assert wanted in names, (sys.argv[2], wanted, names)
depth = dict((title, d) for d, title in found)
assert depth["Markets rally as rates hold"] == depth["Business"] + 1, found
PY
}

# ---------------------------------------------------------------- the article theme: one article a page
"$GALLEY" build "$day" --edition -o "$WORK/out" >"$WORK/stdout" 2>"$WORK/stderr" ||
  fail "edition build: $(cat "$WORK/stderr")"
[[ -s "$WORK/out/2026-11-28.pdf" ]] || fail "no PDF named after the folder: $(ls "$WORK/out")"
check_edition "$WORK/out/2026-11-28.pdf" article
pdf="$WORK/out/2026-11-28.pdf"
# Each article opens a page, and the page after a section's first names the section above it.
markets=$(page_of "$pdf" "Markets rally as rates hold")
pdftotext -f "$markets" -l "$markets" "$pdf" - | head -3 | tr '\n' ' ' | contains -Fi "Business" ||
  fail "the Business section has no opener over its first article"
isis=$(page_of "$pdf" "${titles[0]}")
pdftotext -f $((isis + 1)) -l $((isis + 1)) "$pdf" - | head -2 | contains -F "News" ||
  fail "no running head naming the section on page $((isis + 1))"
pass "edition in the article theme: front page, contents with true numbers, openers, running heads, bookmarks"

# The same bytes on a second build, from a YAML manifest saying the same.
mv "$day/edition.toml" "$WORK/edition.toml"
cat >"$day/edition.yaml" <<'EOF'
title: The Test Chronicle
issue: No. 12
date: 2026-11-28
publisher: Galley Press
sections:
  - title: News
    articles: [isis-k.txt, harbour.xml]
  - title: Business
    articles:
      - markets.md
      - constructs.md
EOF
"$GALLEY" build "$day" --edition -o "$WORK/again" >/dev/null 2>&1 || fail "edition build from YAML"
for kind in pdf epub; do
  [[ -f "$WORK/out/2026-11-28.$kind" ]] || continue
  cmp -s "$WORK/out/2026-11-28.$kind" "$WORK/again/2026-11-28.$kind" || fail "the $kind differs between TOML and YAML builds"
done
pass "a YAML manifest gives the same bytes as the TOML one"

# ---------------------------------------------------------------- a newspaper: the next story in the next column
"$GALLEY" build "$day" --edition --style broadsheet --format pdf -o "$WORK/paper" >/dev/null 2>"$WORK/stderr" ||
  fail "broadsheet edition: $(cat "$WORK/stderr")"
check_edition "$WORK/paper/2026-11-28.pdf" broadsheet
pages=$(pdfinfo "$WORK/paper/2026-11-28.pdf" | awk '/^Pages:/ {print $2}')
(( pages < 6 )) || fail "broadsheet: $pages pages for four articles (each started a page?)"
pass "edition in the broadsheet theme: stories follow in columns ($pages pages)"

# ---------------------------------------------------------------- without a manifest: every article by name
rm "$day/edition.yaml"
"$GALLEY" build "$day" --edition --format pdf -o "$WORK/plain" >/dev/null 2>"$WORK/stderr" ||
  fail "edition without a manifest: $(cat "$WORK/stderr")"
pdf="$WORK/plain/2026-11-28.pdf"
# constructs.md, harbour.xml, isis-k.txt, markets.md: in that order.
previous=0
for title in "Harbour reopens after the storm" "${titles[0]}" "Markets rally as rates hold"; do
  page=$(page_of "$pdf" "$title")
  (( page > previous )) || fail "without a manifest, '$title' (page $page) is out of name order"
  previous=$page
done
pass "an edition without a manifest takes the folder's articles by name"

# ---------------------------------------------------------------- without a manifest: the folder names it, each article keeps its section
paper="$WORK/todays-paper"
mkdir -p "$paper"
cat >"$paper/a-lead.md" <<'EOF'
---
title: The lead story
section: World
publisher: Example News
date: 2026-11-27
---
The lead story's body, with words enough for a paragraph about the world and its troubles.
EOF
for n in 1 2 3; do
  printf 'Story %s of the day\n\nBy Grace Hopper\n\nThe body of story %s, a few sentences about the harbour and the council.\n' \
    "$n" "$n" >"$paper/b-story-$n.txt"
done
cat >"$paper/c-later.md" <<'EOF'
---
title: The later story
date: 2026-11-29
---
Words of the later story, which is the newest of the five.
EOF
"$GALLEY" build "$paper" --edition -o "$WORK/paper-out" >/dev/null 2>"$WORK/stderr" ||
  fail "edition of five without a manifest: $(cat "$WORK/stderr")"
pdf="$WORK/paper-out/todays-paper.pdf"
pdfinfo "$pdf" | contains -E '^Title: +Todays Paper$' || fail "not titled after the folder: $(pdfinfo "$pdf" | grep Title)"
pdftotext -f 1 -l 1 "$pdf" "$WORK/front.txt"
[[ "$(head -1 "$WORK/front.txt")" == "Todays Paper" ]] || fail "nameplate: $(head -1 "$WORK/front.txt")"
# The issue line is the newest article's date; one article's publisher is not the edition's.
sed -n 2p "$WORK/front.txt" | contains -Fx "29 November 2026" || fail "issue line: $(sed -n 2p "$WORK/front.txt")"
if contains -F "Example News" "$WORK/front.txt"; then fail "one article's publisher reached the front page"; fi
unzip -p "$WORK/paper-out/todays-paper.epub" EPUB/package.opf | contains -E '<dc:title[^>]*>Todays Paper</dc:title>' ||
  fail "EPUB title: $(unzip -p "$WORK/paper-out/todays-paper.epub" EPUB/package.opf | grep dc:title)"
# Articles that name no section are not put under the one before them:
# at the top level of the PDF's bookmarks and of the EPUB's contents.
qpdf --json --json-key=outlines "$pdf" | python3 -c '
import json, sys
outline = json.load(sys.stdin)["outlines"]
top = [entry["title"] for entry in outline]
world = [entry for entry in outline if entry["title"] == "World"]
assert world and [kid["title"] for kid in world[0]["kids"]] == ["The lead story"], outline
for title in ("Story 1 of the day", "Story 2 of the day", "Story 3 of the day", "The later story"):
    assert title in top, (title, top)
' || fail "PDF bookmarks put articles without a section under another's"
unzip -p "$WORK/paper-out/todays-paper.epub" EPUB/nav.xhtml | python3 -c '
import sys, xml.etree.ElementTree as tree
ns = {"h": "http://www.w3.org/1999/xhtml"}
toc = tree.fromstring(sys.stdin.read()).find(".//h:nav[@id=\"toc\"]/h:ol", ns)
items = toc.findall("h:li", ns)
world = [li for li in items if "".join(li.find("h:a", ns).itertext()) == "World"]
assert world and len(world[0].findall("h:ol/h:li", ns)) == 1
assert len(items) == 5, len(items)
' || fail "EPUB contents put articles without a section under another's"
pass "an edition without a manifest: titled after its folder, dated by its newest article, sections kept apart"

# ---------------------------------------------------------------- what is refused, and how
cp "$WORK/edition.toml" "$day/edition.toml"
before=$(sha256sum "$WORK/out/2026-11-28.pdf")
printf 'title = "Broken\n[[sections]]\n' >"$day/edition.toml"
expect_exit 1 "$GALLEY" build "$day" --edition -o "$WORK/out"
contains -E "edition\.toml:1:" "$WORK/stderr" || fail "broken TOML: no file:line in: $(cat "$WORK/stderr")"
[[ "$(sha256sum "$WORK/out/2026-11-28.pdf")" == "$before" ]] || fail "a failed edition build changed the old PDF"

printf 'title = "T"\n[[sections]]\ntitle = "News"\narticles = ["isis-k.txt", "missing.txt"]\n' >"$day/edition.toml"
expect_exit 1 "$GALLEY" build "$day" --edition -o "$WORK/out"
contains -F 'edition.toml:4: "missing.txt": no such article file' "$WORK/stderr" ||
  fail "a missing article is not named with the manifest's line: $(cat "$WORK/stderr")"

printf 'title = "T"\ntheme = "brodsheet"\n' >"$day/edition.toml"
expect_exit 1 "$GALLEY" build "$day" --edition -o "$WORK/out"
contains -E 'edition\.toml:2: theme "brodsheet".*did you mean "broadsheet"' "$WORK/stderr" ||
  fail "a wrong theme name is not the manifest's mistake at its line: $(cat "$WORK/stderr")"

printf 'titel = "T"\n' >"$day/edition.toml"
"$GALLEY" build "$day" --edition --format epub -o "$WORK/titel" >/dev/null 2>"$WORK/stderr" ||
  fail "an unknown key stopped the edition: $(cat "$WORK/stderr")"
contains -E 'edition\.toml:1: .*"titel".*did you mean "title"' "$WORK/stderr" ||
  fail "an unknown key gets no suggestion: $(cat "$WORK/stderr")"

printf 'title = "T"\n[[sections]]\ntitle = "News"\narticles = ["isis-k.txt", "isis-k.txt"]\n' >"$day/edition.toml"
expect_exit 1 "$GALLEY" build "$day" --edition -o "$WORK/out"
contains -E "edition\.toml:4:.*named twice" "$WORK/stderr" || fail "an article named twice: $(cat "$WORK/stderr")"

printf 'title: T\nsections:\n  - title: News\n    articles: isis-k.txt\n' >"$WORK/other.yaml"
expect_exit 1 "$GALLEY" build "$day" --edition "$WORK/other.yaml" -o "$WORK/out"
contains -E "other\.yaml:4:" "$WORK/stderr" || fail "YAML of the wrong shape: $(cat "$WORK/stderr")"

printf 'date = "the day after tomorrow"\n' >"$day/edition.toml"
expect_exit 1 "$GALLEY" build "$day" --edition -o "$WORK/out"
contains -E "edition\.toml:1:.*date" "$WORK/stderr" || fail "an unreadable date: $(cat "$WORK/stderr")"
rm "$day/edition.toml"

mkdir -p "$WORK/empty"
expect_exit 1 "$GALLEY" build "$WORK/empty" --edition -o "$WORK/out"
contains -F "holds no article" "$WORK/stderr" || fail "an empty folder: $(cat "$WORK/stderr")"
expect_exit 2 "$GALLEY" build "$day" "$WORK/empty" --edition -o "$WORK/out"
expect_exit 2 "$GALLEY" build "$day/markets.md" --edition -o "$WORK/out"
: >"$day/zz-broken.txt"  # empty: no article at all
expect_exit 1 "$GALLEY" build "$day" --edition -o "$WORK/out"
contains -F "zz-broken.txt" "$WORK/stderr" || fail "a bad article is not named: $(cat "$WORK/stderr")"
contains -F "the edition was not written" "$WORK/stderr" || fail "no word that the edition was not written"
[[ "$(sha256sum "$WORK/out/2026-11-28.pdf")" == "$before" ]] || fail "a failed edition build changed the old PDF"
ls "$WORK/out" | contains -v '\.tmp' || true
[[ -z "$(ls -A "$WORK/out" | grep -v -E '^2026-11-28\.(pdf|epub)$' || true)" ]] || fail "stray files: $(ls -A "$WORK/out")"
pass "bad manifests and articles refused with file and line, old outputs untouched"
