# Batches: a folder of articles converted each on its own in worker
# processes; a bad article or a crashed worker costs that article alone;
# the manifest tells the truth about the files; any number of jobs gives the
# same bytes; shards cover the list once; a stop signal leaves whole files.
source "$(dirname "$0")/support/common.sh"
# The crash below is a real SIGSEGV: no core file for it.
ulimit -c 0

# A folder of articles in three formats, one bad, and what is not an article,
# all written by one python3 (each start of it costs on a busy machine).
mkdir -p "$WORK/articles/images" "$WORK/articles/sub" "$WORK/clash"
python3 - "$WORK" <<'EOF'
import sys
work = sys.argv[1]
words = "harbour council budget ferry timetable fishermen season repairs quay weather".split()
def article(path, title, count):
    paragraphs = [" ".join(words[(p * 7 + w) % len(words)] for w in range(60)).capitalize() + "." for p in range(count)]
    open(f"{work}/{path}", "w").write(title + "\n\n" + "\n\n".join(paragraphs) + "\n")
for name in ("alpha", "bravo", "charlie", "delta"):
    article(f"articles/{name}.txt", f"The {name} story", 8)
article("articles/echo.md", "# Echo in Markdown", 5)
article("articles/.hidden.txt", "Hidden", 1)
article("articles/sub/nested.txt", "Nested", 1)
article("clash/same.md", "# Same in Markdown", 2)
EOF
cp "$TEST_DATA/story.nitf.xml" "$WORK/articles/foxtrot.xml"
cp "$TEST_DATA"/images/* "$WORK/articles/images/"  # its pictures
: >"$WORK/articles/golf-empty.txt"
echo "not,an,article" >"$WORK/articles/notes.csv"
good="alpha bravo charlie delta echo foxtrot"

expect_exit 1 "$GALLEY" build "$WORK/articles" -o "$WORK/one" --jobs 1
for name in $good; do
  [[ -s $WORK/one/$name.pdf && -s $WORK/one/$name.epub ]] || fail "$name was not converted: $(cat "$WORK/stderr")"
done
made=$(cd "$WORK/one" && ls)
[[ $made == "$(printf '%s\n' alpha.{epub,pdf} bravo.{epub,pdf} charlie.{epub,pdf} delta.{epub,pdf} echo.{epub,pdf} foxtrot.{epub,pdf} manifest.json)" ]] ||
  fail "only the folder's articles, not hidden, not in subfolders, make outputs: $made"
[[ $(wc -l <"$WORK/stdout") == 12 ]] || fail "stdout should list the 12 outputs: $(cat "$WORK/stdout")"
contains -e "failed:" "$WORK/stderr" || fail "no summary of failures: $(cat "$WORK/stderr")"
contains -e "^  .*golf-empty.txt: " "$WORK/stderr" || fail "the summary does not list the bad article: $(cat "$WORK/stderr")"
pass "a folder: every good article converted, the bad one listed, exit 1"

# Two workers, another time zone and locale: the same bytes, manifest too.
expect_exit 1 env TZ=Pacific/Chatham LC_ALL=de_DE.UTF-8 "$GALLEY" build "$WORK/articles" -o "$WORK/two" --jobs 2
diff -r "$WORK/one" "$WORK/two" >/dev/null || fail "--jobs 1 and --jobs 2 differ: $(diff -rq "$WORK/one" "$WORK/two")"
pass "--jobs 1 and --jobs 2 (other TZ and locale) give identical files and manifest.json"

# The manifest against tools nobody here wrote: sha256sum, stat, pdfinfo, unzip.
python3 - "$WORK/one" <<'EOF' || fail "manifest.json does not match the files"
import hashlib, json, os, re, subprocess, sys, zipfile
folder = sys.argv[1]
manifest = json.load(open(os.path.join(folder, "manifest.json")))
outputs = manifest["outputs"]
assert [o["path"] for o in outputs] == sorted(o["path"] for o in outputs), "not sorted by path"
assert len(outputs) == 12, len(outputs)
for output in outputs:
    path = os.path.join(folder, output["path"])
    sha = subprocess.run(["sha256sum", path], capture_output=True, text=True, check=True).stdout.split()[0]
    assert output["sha256"] == sha, (path, output["sha256"], sha)
    assert output["size"] == os.path.getsize(path), path
    stem = output["path"].rsplit(".", 1)[0]
    # Relative to the source root (the folder given), not to this machine's folders.
    assert output["source"] == stem + (".md" if stem == "echo" else ".xml" if stem == "foxtrot" else ".txt"), output
    if path.endswith(".pdf"):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        assert output["pages"] == pages, (path, output["pages"], pages)
    else:
        opf = next(n for n in zipfile.ZipFile(path).namelist() if n.endswith(".opf"))
        package = zipfile.ZipFile(path).read(opf).decode()
        identifier = re.search(r"<dc:identifier[^>]*>([^<]+)<", package).group(1)
        assert output["identifier"] == identifier, (path, output["identifier"], identifier)
failures = manifest["failures"]
assert len(failures) == 1 and failures[0]["source"] == "golf-empty.txt", failures
assert failures[0]["error"].startswith("golf-empty.txt: "), failures
assert manifest["source_root"] == "articles", manifest["source_root"]
assert manifest["shard"] is None
EOF
pass "manifest.json: sha256, size, pages (pdfinfo) and dc:identifier match the files"

# Shards: two slices into one folder cover every article exactly once,
# each with a manifest of its own, and the files are those of the whole batch.
# Round robin over the sorted list: golf-empty.txt, the 7th, is in shard 1.
expect_exit 1 "$GALLEY" build "$WORK/articles" -o "$WORK/sharded" --shard 1/2 --jobs 2
expect_exit 0 "$GALLEY" build "$WORK/articles" -o "$WORK/sharded" --shard 2/2 --jobs 2
[[ -e $WORK/sharded/manifest-1-of-2.json && -e $WORK/sharded/manifest-2-of-2.json && ! -e $WORK/sharded/manifest.json ]] ||
  fail "shard manifests: $(ls "$WORK/sharded")"
python3 - "$WORK/sharded" <<'EOF' || fail "the shards do not cover the articles exactly once"
import json, os, sys
sources = []
for k in (1, 2):
    manifest = json.load(open(os.path.join(sys.argv[1], f"manifest-{k}-of-2.json")))
    assert manifest["shard"] == f"{k}-of-2", manifest["shard"]
    sources += sorted({o["source"] for o in manifest["outputs"]}) + [f["source"] for f in manifest["failures"]]
names = sorted(os.path.basename(s) for s in sources)
assert names == ["alpha.txt", "bravo.txt", "charlie.txt", "delta.txt", "echo.md", "foxtrot.xml", "golf-empty.txt"], names
EOF
for file in "$WORK"/one/*.pdf "$WORK"/one/*.epub; do
  cmp -s "$file" "$WORK/sharded/$(basename "$file")" || fail "$(basename "$file") differs in the sharded build"
done
pass "--shard 1/2 and 2/2 cover every article once, with the same bytes"

for shard in 0/2 3/2 1/0 2 x/2 1/2/3 -1/2 ""; do
  expect_exit 2 "$GALLEY" build "$WORK/articles" -o "$WORK/bad" --shard "$shard"
done
for jobs in 0 -1 x 1025; do
  expect_exit 2 "$GALLEY" build "$WORK/articles" -o "$WORK/bad" --jobs "$jobs"
done
[[ ! -e $WORK/bad ]] || fail "a usage error wrote $(ls "$WORK/bad")"
pass "bad --shard and --jobs values exit 2 before anything is written"

# Two files of the same name make one output name: the later is refused.
cp "$WORK/articles/alpha.txt" "$WORK/clash/same.txt"
expect_exit 1 "$GALLEY" build "$WORK/clash" -o "$WORK/clash-out"
contains -e "same.txt: not converted: its outputs would be named same.pdf and same.epub, as are those of .*same.md" \
  "$WORK/stderr" || fail "the clash is not explained: $(cat "$WORK/stderr")"
pass "articles whose outputs would share a name: the first in order converts, the next is refused"

# Progress: plain lines off a terminal, a bar redrawn in place on one, none with --quiet.
expect_exit 0 "$GALLEY" build "$WORK/articles/alpha.txt" "$WORK/articles/bravo.txt" -o "$WORK/progress"
contains -e "^galley: 2 of 2 articles done in " "$WORK/stderr" || fail "no progress line: $(cat "$WORK/stderr")"
! contains $'\r' "$WORK/stderr" || fail "carriage returns off a terminal"
expect_exit 1 "$GALLEY" build "$WORK/articles/alpha.txt" "$WORK/articles/golf-empty.txt" -o "$WORK/progress" --quiet
! contains "articles in" "$WORK/stderr" || fail "--quiet still shows progress: $(cat "$WORK/stderr")"
contains "golf-empty.txt" "$WORK/stderr" || fail "--quiet hid the error"
script -qec "'$GALLEY' build '$WORK/articles/alpha.txt' '$WORK/articles/bravo.txt' -o '$WORK/progress' >/dev/null" \
  /dev/null >"$WORK/terminal" </dev/null
contains -e $'\r\033\\[K\\[=* *\\] [0-9]/2 articles' "$WORK/terminal" || fail "no bar on a terminal: $(cat -v "$WORK/terminal")"
pass "progress: lines, a bar on a terminal, nothing with --quiet"

# Many articles, to stop and to crash mid-batch.
mkdir -p "$WORK/many"
for i in $(seq -w 1 12); do cp "$WORK/articles/alpha.txt" "$WORK/many/article-$i.txt"; done
wait_for_file() { for _ in $(seq 1 600); do [[ -e $1 ]] && return 0; sleep 0.05; done; fail "$1 never came"; }
check_whole() {  # every output whole, no temporary file, an EPUB for every PDF
  local folder=$1
  [[ -z $(find "$folder" -name '*.galley-*') ]] || fail "temporary files left: $(find "$folder" -name '*.galley-*')"
  for pdf in "$folder"/*.pdf; do
    qpdf --check "$pdf" >/dev/null || fail "$pdf is not whole"
    [[ -e ${pdf%.pdf}.epub ]] || fail "$pdf has no EPUB"
  done
}
# The processes whose parent is $1 (procps's pgrep is not on every machine).
children_of() {
  local stat line state parent
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    read -r state parent _ <<<"${line##*) }"
    [[ $parent == "$1" ]] && { line=${stat#/proc/}; echo "${line%/stat}"; }
  done
  return 0
}

# start_batch NAME: the many articles into $WORK/NAME, in the background ($pid).
start_batch() {
  "$GALLEY" build "$WORK/many" -o "$WORK/$1" --jobs 2 >"$WORK/$1.stdout" 2>"$WORK/$1.stderr" &
  pid=$!
}
# end_batch NAME: waits for it: its exit $code, the PDFs $made.
end_batch() {
  set +e; wait "$pid"; code=$?; set -e
  made=$(find "$WORK/$1" -name '*.pdf' | wc -l)
}

# SIGTERM: the workers finish the article at hand, nothing else starts.
start_batch stopped
wait_for_file "$WORK/stopped/article-01.epub"
workers=$(children_of "$pid")
[[ -n $workers ]] || fail "no worker processes"
kill -TERM "$pid"
end_batch stopped
[[ $code == 143 ]] || fail "a stopped batch exited $code, expected 143: $(cat "$WORK/stopped.stderr")"
contains -e "stopped by signal 15; [0-9]* of 12 articles not converted" "$WORK/stopped.stderr" ||
  fail "the summary does not say what was not converted: $(cat "$WORK/stopped.stderr")"
(( made >= 1 && made < 12 )) || fail "$made of 12 made; expected the batch to stop part-way"
check_whole "$WORK/stopped"
[[ ! -e $WORK/stopped/manifest.json ]] || fail "a stopped batch wrote a manifest"
for worker in $workers; do [[ ! -e /proc/$worker ]] || fail "worker $worker outlived the batch"; done
pass "SIGTERM: exit 143, $made of 12 whole, no temporary file, the rest listed, no worker left"

# A worker that crashes costs its article alone: a new worker takes the rest.
start_batch crashed
# Each worker holds an article from its start, so the first one seen is busy.
for _ in $(seq 1 600); do worker=$(children_of "$pid"); [[ -n $worker ]] && break; sleep 0.05; done
worker=${worker%%$'\n'*}  # the first (not `| head`: under pipefail its SIGPIPE would fail the test)
[[ -n $worker ]] || fail "no worker process to crash"
kill -SEGV "$worker"
end_batch crashed
[[ $code == 1 ]] || fail "a batch with a crashed worker exited $code, expected 1: $(cat "$WORK/crashed.stderr")"
# Under AddressSanitizer (scripts/test's second stage) a SIGSEGV that lands
# while the worker is still starting is caught by the sanitizer, which ends
# the process with its own exit code (86) instead of dying by the signal.
crash_listed="was killed by signal 11 \(SIGSEGV\)"
[[ -n ${ASAN_OPTIONS:-} ]] && crash_listed="(was killed by signal 11 \(SIGSEGV\)|exited with status 86 without a report)"
contains -E "^  .*article-[0-9]*.txt: the worker converting it $crash_listed" "$WORK/crashed.stderr" ||
  fail "the crash is not listed: $(cat "$WORK/crashed.stderr")"
[[ $made == 11 ]] || fail "$made of 12 made after one crash, expected 11: $(cat "$WORK/crashed.stderr")"
check_whole "$WORK/crashed"
[[ $(grep -c '"sha256"' "$WORK/crashed/manifest.json") == 22 && $(grep -c '"kind": "crash"' "$WORK/crashed/manifest.json") == 1 ]] ||
  fail "the manifest does not record the crash: $(cat "$WORK/crashed/manifest.json")"
pass "a worker killed by SIGSEGV: its article listed, the other 11 converted"

python3 -c "
import sys, zipfile
for epub in sys.argv[1:]:
    assert zipfile.ZipFile(epub).testzip() is None, epub" "$WORK"/stopped/*.epub "$WORK"/crashed/*.epub ||
  fail "an EPUB of the stopped or the crashed batch is not whole"
pass "the EPUBs of the stopped and the crashed batches are whole"
