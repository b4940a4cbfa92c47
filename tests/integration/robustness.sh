# The robustness table (tests/integration/support/robustness.py): hostile
# and odd inputs, generated at test time, each with its expected outcome.
# Then a batch interrupted by SIGTERM, which a table row cannot express.
source "$(dirname "$0")/support/common.sh"
python3 "$HERE/robustness.py"

# SIGTERM stops a batch between files: the files done are whole, the rest
# are not started, no temporary file is left, the exit code is 128 + 15.
mkdir -p "$WORK/batch" "$WORK/batch-out"
for i in $(seq 1 8); do cp "$SOURCE_DIR/input/article.txt" "$WORK/batch/article-$i.txt"; done
"$GALLEY" build "$WORK"/batch/*.txt -o "$WORK/batch-out" >"$WORK/batch.stdout" 2>"$WORK/batch.stderr" &
pid=$!
for _ in $(seq 1 600); do [[ -e $WORK/batch-out/article-1.epub ]] && break; sleep 0.05; done
kill -TERM "$pid"
set +e; wait "$pid"; code=$?; set -e
[[ $code == 143 ]] || fail "an interrupted batch exited $code, expected 143: $(cat "$WORK/batch.stderr")"
grep -q "stopped by signal 15" "$WORK/batch.stderr" || fail "no message says the batch stopped: $(cat "$WORK/batch.stderr")"
leftovers=$(find "$WORK/batch-out" -name '*.galley-*')
[[ -z $leftovers ]] || fail "temporary files left: $leftovers"
made=$(find "$WORK/batch-out" -name '*.pdf' | wc -l)
(( made >= 1 && made < 8 )) || fail "$made of 8 PDFs made; expected the batch to stop part-way"
for pdf in "$WORK"/batch-out/*.pdf; do qpdf --check "$pdf" >/dev/null || fail "$pdf is not whole"; done
for epub in "$WORK"/batch-out/*.epub; do python3 -c "import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)" "$epub" || fail "$epub is not whole"; done
pass "SIGTERM stops a batch between files ($made of 8 done, all whole, exit 143)"

# A second signal ends galley at once, still leaving no temporary file.
python3 -c "print('Long\n\n' + '\n\n'.join(f'Line {i} of many.' for i in range(30000)))" >"$WORK/long.txt"
mkdir -p "$WORK/long-out"
"$GALLEY" build "$WORK/long.txt" "$WORK/long.txt" -o "$WORK/long-out" >/dev/null 2>"$WORK/long.stderr" &
pid=$!
sleep 1
kill -TERM "$pid"; sleep 0.2; kill -TERM "$pid"
set +e; wait "$pid"; code=$?; set -e
[[ $code == 143 ]] || fail "a twice-signalled build exited $code, expected 143"
[[ -z $(find "$WORK/long-out" -name '*.galley-*') ]] || fail "a second signal left a temporary file"
pass "a second SIGTERM ends galley at once, leaving no temporary file"
