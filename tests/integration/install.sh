# Installed galley: `cmake --install` into a temporary prefix and galley run
# from there, away from the build folder and the checkout; its man page
# (rendered by man-db, and checked against every command's --help in both
# directions, so the two cannot drift), its bash completion, the library
# through pkg-config and through find_package(galley), and the Debian
# package cpack makes, installed with apt-get when the test runs as root
# (CI does) and run from /usr/bin.
source "$(dirname "$0")/support/common.sh"
: "${BUILD_DIR:?BUILD_DIR must name the build folder}"

prefix="$WORK/prefix"
cmake --install "$BUILD_DIR" --prefix "$prefix" >"$WORK/install.log" 2>&1 || fail "cmake --install: $(cat "$WORK/install.log")"
installed="$prefix/bin/galley"
[[ -x $installed ]] || fail "cmake --install put no galley in $prefix/bin: $(cat "$WORK/install.log")"
"$installed" --version | contains -E '^galley [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version of the installed galley"
mkdir -p "$WORK/elsewhere"
(cd "$WORK/elsewhere" && "$installed" build "$SOURCE_DIR/input/article.txt" -o out -q) >/dev/null 2>"$WORK/stderr" ||
  fail "the installed galley cannot build the sample: $(cat "$WORK/stderr")"
qpdf --check "$WORK/elsewhere/out/article.pdf" >/dev/null || fail "qpdf --check of the installed galley's PDF"
expect_valid_epub "$WORK/elsewhere/out/article.epub" "installed galley: "
pass "cmake --install: the installed galley builds the sample from another folder"

# ---------------------------------------------------------------- pandoc's habits, from the installed copy
cd "$WORK/elsewhere"
"$installed" build "$SOURCE_DIR/input/article.txt" -o single.pdf -q >/dev/null || fail "-o single.pdf"
[[ -f single.pdf && ! -d single.pdf ]] || fail "-o single.pdf did not write that file"
qpdf --check single.pdf >/dev/null || fail "qpdf --check of -o single.pdf"
"$installed" build "$SOURCE_DIR/input/article.txt" --format pdf -o - -q | pdfinfo - >"$WORK/pdfinfo.txt" ||
  fail "-o - piped into pdfinfo -"
contains -E '^Pages: +[1-9]' "$WORK/pdfinfo.txt" || fail "pdfinfo - read no pages from -o -"
printf -- '---\ntitle: Piped Story\n---\n\nWords that came through a pipe.\n' |
  "$installed" build - --from markdown -o piped -q >/dev/null || fail "cat a.md | galley build - --from markdown"
ls piped/*.pdf piped/*.epub >/dev/null 2>&1 || fail "standard input made no PDF and EPUB: $(ls piped)"
pdftotext piped/*.pdf - | contains -F "Words that came through a pipe" || fail "standard input's words are not in the PDF"
"$installed" build "$SOURCE_DIR/input/article.txt" -M "title=A Title From The Command Line" -o meta -q >/dev/null ||
  fail "-M title=..."
pdfinfo meta/article.pdf | contains -E '^Title: +A Title From The Command Line$' || fail "-M title did not reach the PDF's Title"
unzip -p meta/article.epub EPUB/package.opf | contains -E '<dc:title[^>]*>A Title From The Command Line</dc:title>' ||
  fail "-M title did not reach the EPUB's dc:title"
# The installed binary finds Ace where it is installed, never in the checkout
# it was built from; without Ace's npm modules `galley check` says Ace did
# not run, and that is a finding unless --allow-missing names it.
objcopy --strip-debug "$installed" "$WORK/galley-stripped"
if strings "$WORK/galley-stripped" | contains -F "$SOURCE_DIR"; then
  fail "the installed binary names the checkout: $(strings "$WORK/galley-stripped" | grep -F "$SOURCE_DIR" | head -3)"
fi
[[ -x $prefix/share/galley/ace/ace ]] || fail "no Ace launcher in $prefix/share/galley/ace"
set +e
GALLEY_ACE= PATH="$prefix/bin:/usr/bin:/bin" "$installed" check meta/article.epub >"$WORK/check.txt" 2>&1
code=$?
GALLEY_ACE= PATH="$prefix/bin:/usr/bin:/bin" "$installed" check meta/article.epub --allow-missing ace >"$WORK/check-allowed.txt" 2>&1
allowed=$?
set -e
[[ $code == 1 ]] && contains -i "ace.*not run" "$WORK/check.txt" ||
  fail "galley check without Ace's modules: exit $code, $(cat "$WORK/check.txt")"
[[ $allowed == 0 ]] || fail "galley check --allow-missing ace: exit $allowed, $(cat "$WORK/check-allowed.txt")"
cd "$WORK"
pass "installed: -o FILE.pdf, -o - into pdfinfo, standard input, -M title in PDF and EPUB, Ace looked for beside the binary"

# ---------------------------------------------------------------- the man page
page="$prefix/share/man/man1/galley.1"
[[ -f $page ]] || fail "no man page at $page"
MANWIDTH=160 man -l "$page" 2>"$WORK/man.err" | col -b >"$WORK/man.txt" || fail "man -l: $(cat "$WORK/man.err")"
[[ ! -s $WORK/man.err ]] || fail "man -l warns: $(cat "$WORK/man.err")"
groff -man -ww -z "$page" 2>"$WORK/groff.err" || true
[[ ! -s $WORK/groff.err ]] || fail "groff warns about the man page: $(cat "$WORK/groff.err")"
contains -E '^GALLEY\(1\)' "$WORK/man.txt" || fail "man -l shows no GALLEY(1) header"
python3 - "$installed" "$WORK/man.txt" <<'PY' || fail "the man page and --help disagree (above)"
import re, subprocess, sys
galley, man_file = sys.argv[1], sys.argv[2]
man = open(man_file, encoding="utf-8").read()

def help_of(command):
    return subprocess.run([galley, *command, "--help"], capture_output=True, text=True, check=True).stdout

def subcommands(text):
    lines = text.split("\nSubcommands:\n", 1)
    return [] if len(lines) < 2 else re.findall(r"^  ([a-z][a-z-]*)\s", lines[1], re.M)

def options(text):
    block = text.split("\nOptions:\n", 1)[1].split("\n\n", 1)[0] if "\nOptions:\n" in text else ""
    return set(re.findall(r"(?:^|[ ,])(--?[A-Za-z][-A-Za-z0-9]*)", block, re.M)) - {"-h"}

problems = []
commands, queue, helped = [], [[]], set()
while queue:
    command = queue.pop(0)
    text = help_of(command)
    if command:
        commands.append(" ".join(command))
    for option in options(text):
        helped.add(option)
        if not re.search(r"(?<![-\w])" + re.escape(option) + r"(?![-\w])", man):
            problems.append(f"galley {' '.join(command)} {option}: in --help, not in the man page")
    queue += [command + [sub] for sub in subcommands(text)]
for command in commands:
    if not re.search(r"(?m)^\s*(galley )?" + re.escape(command) + r"\b", man):
        problems.append(f"the command '{command}' is not in the man page")
# Every option the page names exists in some command's --help.
for option in sorted(set(re.findall(r"(?<![-\w])(--[a-z][-a-z0-9]*)", man))):
    if option not in helped:
        problems.append(f"{option}: in the man page, in no command's --help")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
pass "man -l renders galley(1), which names every command and option --help has, and no other"

# ---------------------------------------------------------------- shell completion
completion="$prefix/share/bash-completion/completions/galley"
[[ -f $completion ]] || fail "no bash completion at $completion"
complete_line() {  # complete_line "galley bu": what bash's completion offers
  PATH="$prefix/bin:$PATH" bash -c '
    source "$1"
    read -ra COMP_WORDS <<<"$2"
    [[ $2 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _galley
    printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$1" | sort | tr '\n' ' '
}
[[ "$(complete_line "galley bu")" == "build " ]] || fail "galley bu<TAB>: $(complete_line "galley bu")"
[[ "$(complete_line "galley build --sty")" == "--style " ]] || fail "galley build --sty<TAB>: $(complete_line "galley build --sty")"
[[ "$(complete_line "galley build --style b")" == "book broadsheet " ]] ||
  fail "theme names: $(complete_line "galley build --style b")"
complete_line "galley build --from " | contains -F "docx html jats markdown newsml nitf odt plain" ||
  fail "--from formats: $(complete_line "galley build --from ")"
[[ "$(complete_line "galley manifest m")" == "merge " ]] || fail "galley manifest m<TAB>: $(complete_line "galley manifest m")"
if command -v zsh >/dev/null; then
  zsh -n "$prefix/share/zsh/vendor-completions/_galley" || fail "the zsh completion does not parse"
fi
pass "bash completion: commands, options, theme names, --from formats"

# ---------------------------------------------------------------- the library
cat >"$WORK/hello.cpp" <<'EOF'
// Reads an article and writes its PDF with the installed library.
#include <galley/galley.hpp>
#include <iostream>
int main() {
  galley::ReadOptions read_options;
  read_options.file_name = "hello.txt";
  galley::ReadResult read = galley::read_document(galley::InputFormat::plain, read_options,
                                                  "Hello from a program\n\nIts one paragraph has a few words in it.\n");
  const galley::style::Theme theme = galley::style::load_theme("article");
  galley::WriteOptions write_options;
  write_options.theme = &theme;
  std::cout << galley::write_pdf(write_options, read.document);
}
EOF
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
pkg-config --exists galley || fail "pkg-config finds no galley in $PKG_CONFIG_PATH"
# shellcheck disable=SC2046
g++ -std=c++20 "$WORK/hello.cpp" -o "$WORK/hello" $(pkg-config --cflags --libs galley) 2>"$WORK/compile.err" ||
  fail "a program does not build with pkg-config --cflags --libs galley: $(head -20 "$WORK/compile.err")"
"$WORK/hello" >"$WORK/hello.pdf" || fail "the program built with pkg-config failed"
qpdf --check "$WORK/hello.pdf" >/dev/null || fail "the program's PDF fails qpdf --check"
pdftotext "$WORK/hello.pdf" - | contains -F "Hello from a program" || fail "the program's PDF lacks its headline"
mkdir -p "$WORK/consumer"
cp "$WORK/hello.cpp" "$WORK/consumer/"
cat >"$WORK/consumer/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.25)
project(hello LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(galley 0.1 REQUIRED)
add_executable(hello hello.cpp)
target_link_libraries(hello PRIVATE galley::galley)
EOF
cmake -S "$WORK/consumer" -B "$WORK/consumer/build" -DCMAKE_PREFIX_PATH="$prefix" >"$WORK/consumer.log" 2>&1 &&
  cmake --build "$WORK/consumer/build" >>"$WORK/consumer.log" 2>&1 ||
  fail "find_package(galley): $(tail -20 "$WORK/consumer.log")"
"$WORK/consumer/build/hello" | cmp -s - "$WORK/hello.pdf" || fail "find_package's program wrote other bytes than pkg-config's"
pass "the library: a program built with pkg-config and one with find_package(galley) write the same valid PDF"

# ---------------------------------------------------------------- the Debian package
(cd "$WORK" && cpack -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$WORK/deb" >"$WORK/cpack.log" 2>&1) ||
  fail "cpack -G DEB: $(tail -20 "$WORK/cpack.log")"
deb=$(ls "$WORK"/deb/galley_*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "cpack made no galley_*.deb: $(ls "$WORK/deb")"
dpkg-deb --field "$deb" Depends | contains -F "libpango" || fail "the package declares no runtime libraries: $(dpkg-deb --field "$deb" Depends)"
dpkg-deb --field "$deb" Depends | contains -F "fonts-ebgaramond" || fail "the package declares no fonts"
dpkg-deb --contents "$deb" | contains -E '\./usr/bin/galley$' || fail "the package holds no /usr/bin/galley"
as_root=()
if [[ $(id -u) != 0 ]]; then
  if sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(skip); fi
fi
if [[ ${as_root[0]:-} == skip ]]; then
  pass "cpack -G DEB: $(basename "$deb") (not installed: not root and no sudo)"
else
  "${as_root[@]}" apt-get install -y -qq "$deb" >"$WORK/apt.log" 2>&1 || fail "apt-get install $deb: $(tail -20 "$WORK/apt.log")"
  trap '"${as_root[@]}" apt-get remove -y -qq galley >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
  /usr/bin/galley --version | contains -E '^galley [0-9]' || fail "/usr/bin/galley --version after apt-get install"
  (cd "$WORK/elsewhere" && /usr/bin/galley build "$SOURCE_DIR/input/article.txt" -o from-deb --format pdf -q) >/dev/null ||
    fail "/usr/bin/galley cannot build the sample"
  # Slim Debian images tell dpkg to leave man pages out; elsewhere the page is there.
  if ! grep -rqs 'path-exclude=*/usr/share/man' /etc/dpkg/dpkg.cfg.d; then
    man -w galley | contains -F /usr/share/man/man1/galley.1 || fail "man galley does not find the package's page"
  fi
  pass "cpack -G DEB: apt-get install ./$(basename "$deb"), then /usr/bin/galley builds the sample"
fi
