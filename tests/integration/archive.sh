# Archives at scale: a manifest that does not depend on where the batch ran;
# shards run under GNU parallel, each in a folder of its own, that merge into
# the single run's manifest; fixity checks (galley verify); BagIt bags checked
# here by RFC 8493's rules; incremental rebuilds.
source "$(dirname "$0")/support/common.sh"
command -v parallel >/dev/null || fail "GNU parallel is not installed (scripts/install-deps installs it)"

# Nine articles, every third in Markdown with a date and a publisher, and one
# empty file: a failure the manifest records too.
mkdir -p "$WORK/a/articles"
python3 - "$WORK/a/articles" <<'EOF'
import sys
folder = sys.argv[1]
words = "archive harbour council budget ferry timetable season repairs quay weather".split()
def text(seed, count):
    return "\n\n".join(" ".join(words[(p * 7 + w + seed) % len(words)] for w in range(50)).capitalize() + "."
                       for p in range(count))
for i in range(9):
    name = f"story-{i}"
    if i % 3 == 0:
        open(f"{folder}/{name}.md", "w").write(
            f"---\ntitle: Story {i}\ndate: 2024-05-{10 + i:02d}\npublisher: The Harbour Gazette\n---\n\n" + text(i, 4) + "\n")
    else:
        open(f"{folder}/{name}.txt", "w").write(f"Story {i}\n\n" + text(i, 3 + i % 2) + "\n")
EOF
: >"$WORK/a/articles/zz-empty.txt"
articles=9

# ---------------------------------------------------------------- portable manifests
# The same batch from another working folder, the archive copied elsewhere
# (other absolute paths, other modification times), named absolutely, one worker.
(cd "$WORK/a" && expect_exit 1 "$GALLEY" build articles -o out --quiet)
mkdir -p "$WORK/b/deep"
cp -r "$WORK/a/articles" "$WORK/b/deep/articles"
(cd / && expect_exit 1 "$GALLEY" build "$WORK/b/deep/articles" -o "$WORK/b/elsewhere/out" --quiet --jobs 1)
cmp "$WORK/a/out/manifest.json" "$WORK/b/elsewhere/out/manifest.json" ||
  fail "the two folders' manifests differ: $(diff "$WORK/a/out/manifest.json" "$WORK/b/elsewhere/out/manifest.json" | head)"
! contains -F "$WORK" "$WORK/a/out/manifest.json" || fail "the manifest names this machine's folders"
python3 - "$WORK/a/out/manifest.json" <<'EOF' || fail "the manifest's sources are not relative to the source root"
import json, sys
manifest = json.load(open(sys.argv[1]))
assert manifest["source_root"] == "articles", manifest["source_root"]
sources = sorted({o["source"] for o in manifest["outputs"]})
assert sources == [f"story-{i}.{'md' if i % 3 == 0 else 'txt'}" for i in range(9)], sources
assert manifest["failures"] == [{"source": "zz-empty.txt", "kind": "bad_input",
                                 "error": manifest["failures"][0]["error"]}], manifest["failures"]
assert manifest["failures"][0]["error"].startswith("zz-empty.txt: "), manifest["failures"]
EOF
pass "two builds in different folders, the archive in different places: byte-identical manifests"

# ---------------------------------------------------------------- shards
# Four shards under GNU parallel, as four machines would run them: each in
# its own working folder, the archive named relatively from there.
for k in 1 2 3 4; do mkdir -p "$WORK/machine-$k"; done
set +e
seq 4 | parallel --jobs 4 --halt never \
  "cd '$WORK/machine-{}' && '$GALLEY' build ../a/articles -o out --quiet --jobs 1 --shard {}/4 >stdout 2>stderr; code=\$?; [ \$code -le 1 ] || { cat stderr; exit \$code; }"
parallel_exit=$?
set -e
[[ $parallel_exit == 0 ]] || fail "a shard failed under GNU parallel ($parallel_exit)"
for k in 1 2 3 4; do
  [[ -s $WORK/machine-$k/out/manifest-$k-of-4.json ]] || fail "shard $k wrote no manifest-$k-of-4.json: $(ls "$WORK/machine-$k/out")"
done
mkdir -p "$WORK/merged"
expect_exit 0 "$GALLEY" manifest merge "$WORK"/machine-*/out/manifest-*-of-4.json -o "$WORK/merged/manifest.json"
cmp "$WORK/a/out/manifest.json" "$WORK/merged/manifest.json" ||
  fail "the merged shards differ from the single run: $(diff "$WORK/a/out/manifest.json" "$WORK/merged/manifest.json" | head)"
# The four machines' outputs gathered in one folder are what the merged manifest lists.
for k in 1 2 3 4; do find "$WORK/machine-$k/out" -name 'story-*' -exec cp {} "$WORK/merged/" \;; done
expect_exit 0 "$GALLEY" verify "$WORK/merged"
pass "four shards under GNU parallel, each in its own folder: merged, byte-identical to the single run"

# A merge that is not of one whole batch is refused, naming what is wrong.
expect_exit 1 "$GALLEY" manifest merge "$WORK"/machine-{1,2,4}/out/manifest-*-of-4.json -o "$WORK/bad-merge.json"
contains "shard 3 of 4 is not among" "$WORK/stderr" || fail "a missing shard is not named: $(cat "$WORK/stderr")"
expect_exit 1 "$GALLEY" manifest merge "$WORK"/machine-{1,2,3,4,2}/out/manifest-*-of-4.json -o "$WORK/bad-merge.json"
contains "manifest-2-of-4.json: is shard 2-of-4 again" "$WORK/stderr" || fail "a repeated shard is not named: $(cat "$WORK/stderr")"
expect_exit 1 "$GALLEY" manifest merge "$WORK/a/out/manifest.json" -o "$WORK/bad-merge.json"
contains "is not a shard's manifest" "$WORK/stderr" || fail "a whole batch's manifest merged as a shard: $(cat "$WORK/stderr")"
[[ ! -e $WORK/bad-merge.json ]] || fail "a refused merge wrote its output"
pass "merging a missing or repeated shard, or a whole batch's manifest: exit 1, named, nothing written"

# ---------------------------------------------------------------- fixity
cp -r "$WORK/a/out" "$WORK/fixity"
expect_exit 0 "$GALLEY" verify "$WORK/fixity"
contains -E "^galley: verify: .*: 18 files listed, 18 as recorded; 0 changed, 0 missing, 0 unlisted" "$WORK/stderr" ||
  fail "verify's summary: $(cat "$WORK/stderr")"
expect_exit 0 "$GALLEY" verify "$WORK/fixity/manifest.json"
# One byte of one PDF changed, in the middle, the size the same.
python3 - "$WORK/fixity/story-1.pdf" <<'EOF'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
data[len(data) // 2] ^= 0x01
open(path, "wb").write(data)
EOF
expect_exit 1 "$GALLEY" verify "$WORK/fixity"
[[ $(cat "$WORK/stdout") == "changed: $WORK/fixity/story-1.pdf: "* && $(wc -l <"$WORK/stdout") == 1 ]] ||
  fail "verify does not name the changed PDF alone: $(cat "$WORK/stdout")"
rm "$WORK/fixity/story-2.epub"
echo "not from galley" >"$WORK/fixity/notes.txt"
expect_exit 1 "$GALLEY" verify "$WORK/fixity"
contains -x "missing: $WORK/fixity/story-2.epub: listed in the manifest" "$WORK/stdout" ||
  fail "verify does not name the missing EPUB: $(cat "$WORK/stdout")"
contains -x "unlisted: $WORK/fixity/notes.txt: not in the manifest" "$WORK/stdout" ||
  fail "verify does not name the unlisted file: $(cat "$WORK/stdout")"
[[ $(wc -l <"$WORK/stdout") == 3 ]] || fail "verify reports more than the three files: $(cat "$WORK/stdout")"
expect_exit 2 "$GALLEY" verify "$WORK/no-such-folder"
expect_exit 1 "$GALLEY" verify "$WORK/a/articles"
contains "holds no manifest.json" "$WORK/stderr" || fail "a folder with no manifest: $(cat "$WORK/stderr")"
pass "verify: a fresh archive passes; a changed byte, a deleted EPUB and a stray file are named; exit 1"

# ---------------------------------------------------------------- BagIt
# RFC 8493's rules, checked here and not by galley: bagit.txt; every payload
# file in manifest-sha256.txt with its sum and nothing else in it; the
# Payload-Oxum; the tag manifest's sums; bag-info.txt's fields.
cat >"$WORK/check_bag.py" <<'EOF'
import hashlib, os, re, sys
bag, expected_date = sys.argv[1], sys.argv[2]
def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()
def decode(path):
    return path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
def sums(name):
    entries = {}
    for line in open(os.path.join(bag, name), encoding="utf-8").read().splitlines():
        checksum, path = re.match(r"^([0-9a-fA-F]{64})[ \t]+(.+)$", line).groups()
        path = decode(path)
        assert path not in entries, f"{name} lists {path} twice"
        entries[path] = checksum.lower()
    return entries
assert open(os.path.join(bag, "bagit.txt"), "rb").read() == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
assert os.path.isdir(os.path.join(bag, "data")), "no data/"
payload_files = sorted(os.path.relpath(os.path.join(d, f), bag).replace(os.sep, "/")
                       for d, _, files in os.walk(os.path.join(bag, "data")) for f in files)
manifest = sums("manifest-sha256.txt")
assert sorted(manifest) == payload_files, ("payload and manifest differ", sorted(manifest), payload_files)
for path, checksum in manifest.items():
    assert path.startswith("data/") and ".." not in path.split("/"), path
    assert sha256(os.path.join(bag, path)) == checksum, f"{path}: wrong sum in manifest-sha256.txt"
info = {}
for line in open(os.path.join(bag, "bag-info.txt"), encoding="utf-8").read().splitlines():
    label, value = re.match(r"^([^:\s][^:]*):\s*(.*)$", line).groups()
    info.setdefault(label, []).append(value)
octets = sum(os.path.getsize(os.path.join(bag, p)) for p in payload_files)
assert info["Payload-Oxum"] == [f"{octets}.{len(payload_files)}"], (info["Payload-Oxum"], octets, len(payload_files))
assert info["Bagging-Date"] == [expected_date], info["Bagging-Date"]
tags = sums("tagmanifest-sha256.txt")
tag_files = sorted(f for f in os.listdir(bag) if os.path.isfile(os.path.join(bag, f)) and not f.startswith("tagmanifest-"))
assert sorted(tags) == tag_files, ("tag files and tag manifest differ", sorted(tags), tag_files)
for path, checksum in tags.items():
    assert sha256(os.path.join(bag, path)) == checksum, f"{path}: wrong sum in tagmanifest-sha256.txt"
print(len(manifest), "payload files,", "; ".join(f"{k}: {len(v)}" for k, v in sorted(info.items())))
EOF
(cd "$WORK/a" && expect_exit 1 "$GALLEY" build articles -o "$WORK/bag" --bag --quiet)
# The newest article date (story-6.md: 2024-05-16); the undated articles
# carry SOURCE_DATE_EPOCH's 2023-11-14, never today's date.
python3 "$WORK/check_bag.py" "$WORK/bag" 2024-05-16 >"$WORK/bag-check.txt" || fail "the bag breaks RFC 8493's rules"
python3 - "$WORK/bag" <<'EOF' || fail "bag-info.txt does not carry the articles' metadata"
import json, os, sys
bag = sys.argv[1]
lines = open(os.path.join(bag, "bag-info.txt")).read().splitlines()
assert lines.count("Source-Organization: The Harbour Gazette") == 1, lines
manifest = json.load(open(os.path.join(bag, "data", "manifest.json")))
identifiers = sorted({o["identifier"] for o in manifest["outputs"]})
assert len(identifiers) == 9 and [l for l in lines if l.startswith("External-Identifier: ")] == [
    "External-Identifier: " + i for i in identifiers], lines
EOF
cmp -s "$WORK/bag/data/manifest.json" "$WORK/a/out/manifest.json" || fail "the bag's manifest.json is not the batch's"
expect_exit 0 "$GALLEY" verify "$WORK/bag"
contains "(BagIt bag): 22 files listed, 22 as recorded" "$WORK/stderr" || fail "verify of the bag: $(cat "$WORK/stderr")"
# Rebuilt into the bag: nothing changed, nothing built, the same tag files.
cp "$WORK/bag/tagmanifest-sha256.txt" "$WORK/tagmanifest-before"
(cd "$WORK/a" && expect_exit 1 "$GALLEY" build articles -o "$WORK/bag" --bag)
contains -x "galley: 0 built, 9 unchanged, 1 failed" "$WORK/stderr" || fail "a bag's rerun: $(cat "$WORK/stderr")"
cmp -s "$WORK/bag/tagmanifest-sha256.txt" "$WORK/tagmanifest-before" || fail "a bag's rerun changed its tag files"
# Undated articles alone: Bagging-Date from SOURCE_DATE_EPOCH (1700000000).
expect_exit 0 "$GALLEY" build "$WORK/a/articles/story-1.txt" -o "$WORK/bag-undated" --bag --quiet
python3 "$WORK/check_bag.py" "$WORK/bag-undated" 2023-11-14 >/dev/null || fail "the undated bag breaks RFC 8493's rules"
# A payload file changed: this script's checker and galley verify both object.
printf 'x' >>"$WORK/bag/data/story-4.epub"
! python3 "$WORK/check_bag.py" "$WORK/bag" 2024-05-16 >/dev/null 2>&1 || fail "the RFC checker passed a changed bag"
expect_exit 1 "$GALLEY" verify "$WORK/bag"
contains -x "changed: $WORK/bag/data/story-4.epub: .*" "$WORK/stdout" || fail "verify misses the changed payload: $(cat "$WORK/stdout")"
echo "stray" >"$WORK/bag/data/stray.txt"
expect_exit 1 "$GALLEY" verify "$WORK/bag"
contains -x "unlisted: $WORK/bag/data/stray.txt: not in manifest-sha256.txt" "$WORK/stdout" ||
  fail "verify misses the unlisted payload file: $(cat "$WORK/stdout")"
contains "Payload-Oxum is " "$WORK/stdout" || fail "verify misses the wrong Payload-Oxum: $(cat "$WORK/stdout")"
expect_exit 2 "$GALLEY" build "$WORK/a/articles" -o "$WORK/bag-shard" --bag --shard 1/2
pass "--bag: RFC 8493's rules hold ($(cat "$WORK/bag-check.txt")); verify checks bags"

# ---------------------------------------------------------------- incremental rebuilds
cd "$WORK/a"
summary_is() { contains -x "galley: $1" "$WORK/stderr" || fail "expected 'galley: $1': $(cat "$WORK/stderr")"; }
expect_exit 1 "$GALLEY" build articles -o out
[[ ! -s $WORK/stdout ]] || fail "an unchanged batch rebuilt: $(cat "$WORK/stdout")"
summary_is "0 built, $articles unchanged, 1 failed"
cmp -s out/manifest.json "$WORK/b/elsewhere/out/manifest.json" || fail "a rerun changed the manifest"

# One input changed: that article alone is rebuilt, and the manifest is the
# one a fresh build of the changed archive makes.
echo "A paragraph added after the first run." >>articles/story-4.txt
expect_exit 1 "$GALLEY" build articles -o out
[[ $(sort "$WORK/stdout") == "$(printf '%s\n' out/story-4.epub out/story-4.pdf)" ]] ||
  fail "one changed input should rebuild story-4 alone: $(cat "$WORK/stdout")"
summary_is "1 built, $((articles - 1)) unchanged, 1 failed"
expect_exit 1 "$GALLEY" build articles -o "$WORK/fresh" --quiet
cmp out/manifest.json "$WORK/fresh/manifest.json" || fail "the incremental manifest differs from a fresh build's"
pass "a rerun builds nothing; after one input changed it rebuilds exactly that article, with a fresh build's manifest"

# An output deleted, another changed: those articles alone are rebuilt.
rm out/story-5.epub
printf 'x' >>out/story-7.pdf
expect_exit 1 "$GALLEY" build articles -o out
[[ $(sort "$WORK/stdout" | tr '\n' ' ') == "out/story-5.epub out/story-5.pdf out/story-7.epub out/story-7.pdf " ]] ||
  fail "a deleted and a changed output should rebuild their articles alone: $(cat "$WORK/stdout")"
expect_exit 0 "$GALLEY" verify out/manifest.json
pass "an output deleted or changed: its article is rebuilt"

# A theme: unchanged, nothing is rebuilt; changed, everything that uses it.
printf 'extends = "article"\nparagraph_indent = 1.5\n' >"$WORK/house.toml"
expect_exit 1 "$GALLEY" build articles -o themed --style "$WORK/house.toml" --quiet
expect_exit 1 "$GALLEY" build articles -o themed --style "$WORK/house.toml"
summary_is "0 built, $articles unchanged, 1 failed"
printf 'extends = "article"\nparagraph_indent = 2\n' >"$WORK/house.toml"
expect_exit 1 "$GALLEY" build articles -o themed --style "$WORK/house.toml"
summary_is "$articles built, 0 unchanged, 1 failed"
# The same with SOURCE_DATE_EPOCH, which dates the undated articles.
SOURCE_DATE_EPOCH=1800000000 expect_exit 1 "$GALLEY" build articles -o themed --style "$WORK/house.toml"
summary_is "$articles built, 0 unchanged, 1 failed"
expect_exit 1 "$GALLEY" build articles -o out --force
summary_is "$articles built, 0 unchanged, 1 failed"
pass "a changed theme or SOURCE_DATE_EPOCH rebuilds every article; --force rebuilds all"

# Shards rerun: each keeps what its own manifest (or the merged one) records.
# story-4.txt is the fifth in order: shard 1's.
(cd "$WORK/machine-1" && expect_exit 0 "$GALLEY" build ../a/articles -o out --shard 1/4 --jobs 1)
[[ $(sort "$WORK/stdout") == "$(printf '%s\n' out/story-4.epub out/story-4.pdf)" ]] ||
  fail "shard 1 should rebuild story-4 alone: $(cat "$WORK/stdout")"
pass "a shard's rerun rebuilds only its changed article"

# An image an article names is part of its input: replaced in place, the
# article that shows it is rebuilt, and it alone.
mkdir -p "$WORK/pictures/images"
cp "$TEST_DATA/images/photo.jpg" "$WORK/pictures/images/"
printf '# The quay at dawn\n\n![Boats at the quay](images/photo.jpg)\n\nThe ferry left on time.\n' >"$WORK/pictures/quay.md"
printf 'No pictures\n\nJust words about the harbour.\n' >"$WORK/pictures/words.txt"
expect_exit 0 "$GALLEY" build "$WORK/pictures" -o "$WORK/pictures-out" --quiet
python3 - "$WORK/pictures-out/manifest.json" "$WORK/pictures/images/photo.jpg" <<'EOF2' || fail "the manifest does not record the image"
import hashlib, json, sys
manifest = json.load(open(sys.argv[1]))
photo = hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest()
for output in manifest["outputs"]:
    expected = [{"path": "images/photo.jpg", "sha256": photo}] if output["source"] == "quay.md" else []
    assert output["images"] == expected, output
EOF2
expect_exit 0 "$GALLEY" build "$WORK/pictures" -o "$WORK/pictures-out"
summary_is "0 built, 2 unchanged, 0 failed"
printf 'trailing bytes after the image' >>"$WORK/pictures/images/photo.jpg"
expect_exit 0 "$GALLEY" build "$WORK/pictures" -o "$WORK/pictures-out"
[[ $(sort "$WORK/stdout" | tr '\n' ' ') == "$WORK/pictures-out/quay.epub $WORK/pictures-out/quay.pdf " ]] ||
  fail "a changed image should rebuild quay.md alone: $(cat "$WORK/stdout")"
pass "an image replaced in place: the article that names it is rebuilt, and it alone"
