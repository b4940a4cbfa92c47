#!/usr/bin/env bash
# Golden layout tests: each article in tests/layout/ set in every built-in
# theme, its layout dump (`galley inspect FILE --layout --style THEME`:
# every line of text with its place and face, rules, boxes, images, page
# breaks) compared with tests/layout/expected/NAME.THEME.layout. A change in
# line breaks or page breaks shows as a readable diff, as SILE's .expected
# files and Typst's reference tests do.
#
#   tests/layout/golden.sh [GALLEY]            compare (ctest runs this)
#   tests/layout/golden.sh --update [GALLEY]   write the dumps as expected
#
# GALLEY defaults to $GALLEY, then build/galley. After a change that moves
# lines on purpose, run --update and read `git diff tests/layout/expected`
# before committing it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

update=false
if [[ ${1:-} == --update ]]; then
  update=true
  shift
fi
galley=${1:-${GALLEY:-$here/../../build/galley}}
galley=$(realpath "$galley")

# The dump holds no date of the build, but the article's dates are shown as
# written in every locale only under a fixed one.
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC LC_ALL=C.UTF-8

themes=(article book broadsheet large-print)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

failed=0
checked=0
cd "$here"
for article in *.md; do
  name=${article%.md}
  for theme in "${themes[@]}"; do
    expected=expected/$name.$theme.layout
    actual=$scratch/$name.$theme.layout
    if ! "$galley" inspect "$article" --layout --style "$theme" >"$actual" 2>"$scratch/stderr"; then
      echo "FAIL $article ($theme): galley inspect failed" >&2
      cat "$scratch/stderr" >&2
      failed=$((failed + 1))
      continue
    fi
    checked=$((checked + 1))
    if $update; then
      cp "$actual" "$expected"
    elif [[ ! -f $expected ]]; then
      echo "FAIL $article ($theme): no $expected (run tests/layout/golden.sh --update)" >&2
      failed=$((failed + 1))
    elif ! diff -u "$expected" "$actual" >"$scratch/diff"; then
      echo "FAIL $article ($theme): the layout changed" >&2
      cat "$scratch/diff" >&2
      failed=$((failed + 1))
    fi
  done
done

if $update; then
  echo "wrote $checked layout dumps to $here/expected"
elif ((failed > 0)); then
  echo "$failed of $((checked)) layout dumps differ or failed; if the change is meant, run tests/layout/golden.sh --update and commit the diff" >&2
  exit 1
else
  echo "same layout: $checked dumps"
fi
