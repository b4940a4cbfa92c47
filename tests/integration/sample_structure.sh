# The sample article read as an editor reads it: the headline, six question
# subheadings, two captions with their credits, two video teasers and 23
# paragraphs, in the original order, with no word lost.
source "$(dirname "$0")/support/common.sh"

"$GALLEY" inspect "$SOURCE_DIR/input/article.txt" --json >"$WORK/article.json"
python3 - "$WORK/article.json" "$SOURCE_DIR/input/article.txt" <<'PY'
import json, re, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
source = [block.strip() for block in open(sys.argv[2], encoding="utf-8").read().split("\n\n") if block.strip()]
blocks = document["blocks"]
assert document["meta"]["title"] == "Who are ISIS-K, the Islamic State splinter group who claimed responsibility for airport attack?", document["meta"]

def plain(text):  # compare without typographic marks
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text.replace("\u00a0\u2013", " -").replace("\u2026", "...")).strip()

headings = [b["text"] for b in blocks if b["type"] == "heading"]
assert headings == ["Who are ISIS-K?", "What do we know about ISIS-K?", "What is the threat from ISIS-K?",
                    "What is ISIS-K\u2019s relationship with the Taliban and terrorist group al Qaida?",
                    "What has ISIS-K said?", "What has the US said about ISIS-K?"], headings
assert all(b["level"] == 2 for b in blocks if b["type"] == "heading")
figures = [b for b in blocks if b["type"] == "figure"]
assert [f["credit"] for f in figures] == ["AP", "Khwaja Tawfiq Sediqi/AP"], figures
assert figures[0]["text"].endswith("after an attack in Kabul in 2020.") and "Credit" not in figures[0]["text"]
assert figures[1]["text"] == "A Taliban fighter stands guard at a checkpoint in Kabul, Afghanistan"
asides = [b["text"] for b in blocks if b["type"] == "aside"]
assert len(asides) == 2 and asides[0].startswith("Terror attacks") and asides[1].endswith("tells ITV News"), asides
paragraphs = [b for b in blocks if b["type"] == "paragraph"]
assert len(paragraphs) == 23, len(paragraphs)
# Every block in the source order, each one's words intact.
assert len(blocks) == len(source) - 1
for block, text in zip(blocks, source[1:]):
    rebuilt = block["text"] + (" Credit: " + block["credit"] if block["type"] == "figure" else "")
    assert plain(rebuilt).replace(". Credit", " Credit") == plain(text).replace(". Credit", " Credit"), (block, text)
PY
pass "sample structure"
