# `inspect --json` prints the parsed document in the documented schema.
source "$(dirname "$0")/support/common.sh"

"$GALLEY" inspect "$SOURCE_DIR/input/article.txt" --json >"$WORK/article.json"
python3 - "$WORK/article.json" "$SOURCE_DIR/input/article.txt" <<'PY'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
source = open(sys.argv[2], encoding="utf-8").read()
meta = document["meta"]
assert meta["title"].startswith("Who are ISIS-K, the Islamic State"), meta
assert meta["lang"] == "en-GB", meta
blocks = document["blocks"]
assert blocks and all("type" in b and "text" in b for b in blocks), blocks[:3]
known = {"heading", "paragraph", "figure", "quote", "pullquote", "aside", "code", "rule", "list", "table"}
assert all(b["type"] in known for b in blocks)
# The title is not repeated in the body, and no block of the source is lost.
assert blocks[0]["text"] != meta["title"]
source_blocks = [b for b in source.split("\n\n") if b.strip()]
assert len(blocks) == len(source_blocks) - 1, (len(blocks), len(source_blocks))
PY
pass "inspect --json"

# What other tools need from it (issue #20): marked runs, footnote text and
# image titles are there; empty fields are left out, never printed empty.
mkdir -p "$WORK/marked"
cp "$SOURCE_DIR/tests/data/images/photo.jpg" "$WORK/marked/"
printf '# Harbour\n\nBoats *at dawn* and **nets**, see [the port](https://port.example).[^1]\n\n![The quay](photo.jpg "Quay at six")\n\n---\n\n[^1]: Tide tables *from* the harbour master.\n' \
  >"$WORK/marked/story.md"
"$GALLEY" inspect "$WORK/marked/story.md" --json >"$WORK/marked.json"
python3 - "$WORK/marked.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
paragraph, figure, rule = document["blocks"]
assert {"style": "emphasis", "text": "at dawn"} in paragraph["spans"], paragraph
assert {"style": "strong", "text": "nets"} in paragraph["spans"], paragraph
assert {"style": "link", "text": "the port", "url": "https://port.example"} in paragraph["spans"], paragraph
assert figure["title"] == "Quay at six" and "credit" not in figure, figure
assert rule == {"type": "rule"}, rule
note, = document["footnotes"]
assert note["text"] == "Tide tables from the harbour master.", note
def no_empty(value):
    if isinstance(value, dict):
        for key, item in value.items():
            assert item not in ("", [], {}), (key, value)
            no_empty(item)
    elif isinstance(value, list):
        for item in value: no_empty(item)
no_empty(document)
PY
pass "inspect --json: spans, footnotes and image titles; no empty fields"

expect_exit 2 "$GALLEY" inspect "$WORK/marked/story.md" --layout --json
contains -e "--layout" "$WORK/stderr" || fail "--layout --json: $(cat "$WORK/stderr")"
pass "inspect --layout --json is refused, not ignored"
