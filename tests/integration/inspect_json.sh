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
