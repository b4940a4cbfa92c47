# bash completion for galley: commands, each command's options, theme names
# and input formats. The lists come from the galley being completed (its
# --help and `galley styles`), so they never drift from the binary.
_galley() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local galley=${COMP_WORDS[0]}
  local -a command=()
  local word i
  # The command (and a sub-command such as `manifest merge`): the words
  # before the cursor that are neither options nor their values.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    [[ $word == -* ]] && break
    command+=("$word")
  done
  local help
  help=$("$galley" "${command[@]}" --help 2>/dev/null)
  case $prev in
    --style)
      COMPREPLY=($(compgen -W "$("$galley" styles 2>/dev/null | cut -f1)" -- "$cur") $(compgen -f -X '!*.toml' -- "$cur"))
      return ;;
    --from | --format | --missing-images | --n-up | --sheet)
      # The choices --help lists as {a,b,c}, or the sheet names it spells out.
      local choices
      choices=$(printf '%s\n' "$help" | sed -n "s/.*$prev [A-Z]*:{\([^}]*\)}.*/\1/p" | tr ',' ' ')
      [[ $prev == --sheet ]] && choices="a4 a3 letter tabloid"
      COMPREPLY=($(compgen -W "$choices" -- "$cur"))
      return ;;
    -o | --output | --edition | --metadata-file)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
  esac
  if [[ $cur == -* ]]; then
    local options
    options=$(printf '%s\n' "$help" | sed -n '/^Options:/,/^$/p' | grep -oE -- '(^|[ ,])--?[A-Za-z][-A-Za-z0-9]*' | tr -d ' ,' | sort -u)
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  # A command where one is still wanted, else files.
  local commands
  commands=$(printf '%s\n' "$help" | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && /^  [a-z]/ {print $1}')
  if [[ -n $commands ]]; then
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _galley galley
