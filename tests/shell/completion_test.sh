#!/usr/bin/env bash
# Shell completion inside the real shells: bash (with bash-completion, driving the registered
# function through COMP_WORDS/COMP_CWORD), fish (`complete -C`) and zsh (typed interactively in a
# private tmux server, Tab pressed, the screen read back). Subcommands, flags, flag values and the
# live ids that `kint complete` reads from the store.
# Usage: bash tests/shell/completion_test.sh /path/to/kint        (TAP output; exit 1 on a failure)

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# --- a store with live ids ------------------------------------------------------------------------
kint intent add "I am open to new ways to cope" >/dev/null
kint intent add --from anxiety.5 >/dev/null
kint cue add --intent 1 --after "I pour my coffee" --do "write one sentence" --at 08:00 >/dev/null
kint cue add --intent 2 --if "I feel anger rising" --do "breathe out slowly" >/dev/null 2>&1
kint cue add --intent 2 --place "mat by the bed" --do "stretch" >/dev/null 2>&1
kint cue pause 3 >/dev/null
# Text from the store reaches the command line only as a description, where an escape character
# or a tab (as an import or another tool could leave) must arrive as a plain space.
sqlite3 "$KINT_DB" "UPDATE step SET behavior = 'stretch' || char(27) || '[31marms' || char(9) || 'up' WHERE cue_id = 3"

kint journal add "first morning pages" >/dev/null
kint session add 2026-03-01 --note "first infusion" >/dev/null

OTHER_DB=$SANDBOX/other/kint.db
kint --db "$OTHER_DB" intent add "Another store" >/dev/null
kint --db "$OTHER_DB" cue add --after "I wake" --do "drink water" >/dev/null
NO_DB=$SANDBOX/none/kint.db

# --- the helper the scripts call -----------------------------------------------------------------
out=$(kint complete cues)
check "complete cues: id TAB behavior, one per cue" \
    same "$out" $'1\twrite one sentence\n2\tbreathe out slowly\n3\tstretch [31marms up (paused)' 
check "complete cues: no control character reaches the description" \
    bash -c '! LC_ALL=C grep -q "[[:cntrl:]]" <<<"$(cut -f2- <<<"$1")"' _ "$out"
out=$(kint complete intentions)
check "complete intentions: id TAB text" has "$out" $'1\tI am open to new ways to cope'
out=$(kint complete catalogue)
check "complete catalogue: GROUP.N TAB text" has "$out" $'anxiety.5\t'
out=$(kint complete commands | cut -f1)
check "complete commands: nested paths" has "$out" $'\ncue add\n'
check "complete commands: the hidden helper left out" lacks "$out" complete
out=$(KINT_DB=$NO_DB kint complete cues; echo "rc=$?")
check "complete cues without a store: nothing, exit 0" [ "$out" == "rc=0" ]
check "complete cues without a store: no store created" [ ! -e "$SANDBOX/none" ]
out=$(KINT_TODAY=2026-02-30 kint complete cues 2>&1; echo "rc=$?")
check "complete with a malformed KINT_TODAY: the ids, no error" has "$out" $'1\twrite one sentence'

# --- bash ----------------------------------------------------------------------------------------

# bash_complete LINE: what Tab offers at the end of LINE, sorted, one per line. The words are split
# as bash splits them for completion (also at '=', which is in COMP_WORDBREAKS).
bash_complete() {
    bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion || exit 3
        declare -F _init_completion >/dev/null || { echo "no bash-completion" >&2; exit 4; }
        source "$1/completions/kint.bash" || exit 5
        spec=$(complete -p kint) || exit 6
        fn=${spec#*-F }; fn=${fn%% *}
        COMP_LINE=$2
        COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<<"${COMP_LINE//=/ = }"
        [[ $COMP_LINE == *[\ =] ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_TYPE=9 COMP_KEY=9
        COMPREPLY=()
        "$fn" kint "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sed "/^$/d" | sort' _ "$REPO" "$1"
}

# bash_is LINE EXPECTED...: Tab after LINE offers exactly EXPECTED.
bash_is() {
    local line=$1 got want
    shift
    got=$(bash_complete "$line" | tr '\n' ' ')
    want=$(printf '%s\n' "$@" | sed '/^$/d' | sort | tr '\n' ' ')
    [[ $got == "$want" ]] && return 0
    diag "bash: '$line'" "  got:  $got" "  want: $want"
    return 1
}

# bash_offers LINE WORD...: Tab after LINE offers at least the WORDs.
bash_offers() {
    local line=$1 got w missing=0
    shift
    got=$'\n'$(bash_complete "$line")$'\n'
    for w; do [[ $got == *$'\n'"$w"$'\n'* ]] || missing=1; done
    ((missing == 0)) && return 0
    diag "bash: '$line' lacks some of: $*" "  got: $(tr '\n' ' ' <<<"$got")"
    return 1
}

check "bash: top-level commands" bash_is "kint " \
    init intent cue log rate journal session today prompts review report trail remind start practice hook \
    export import sync
check "bash: live cue ids for trail" bash_is "kint trail " 1 2 3
check "bash: trail --format values" bash_is "kint trail --format " text markdown json html
check "bash: cue subcommands" bash_is "kint cue " list add show step edit pause resume archive
check "bash: live cue ids for cue show" bash_is "kint cue show " 1 2 3
check "bash: live cue ids and 'list' for log" bash_is "kint log " 1 2 3 list
check "bash: live cue ids for log list --cue" bash_is "kint log list --cue " 1 2 3
check "bash: live intention ids for intent show" bash_is "kint intent show " 1 2
check "bash: live intention ids for cue add --intent" bash_is "kint cue add --intent " 1 2
check "bash: catalogue ids for intent add --from" bash_offers "kint intent add --from anxiety." \
    anxiety.1 anxiety.5 anxiety.10
check "bash: groups for intent catalogue --group" bash_offers "kint intent catalogue --group " \
    anxiety healing ptsd
check "bash: the alias 'catalog' completes like catalogue" bash_offers "kint intent catalog --group " \
    anxiety healing ptsd
check "bash: --db chooses the store the ids come from" bash_is "kint --db $OTHER_DB cue show " 1
out=$(KINT_DB=$NO_DB bash_complete "kint cue show ")
check "bash: no store: no ids" [ -z "$out" ]
check "bash: no store: nothing created" [ ! -e "$SANDBOX/none" ]
check "bash: journal ids for journal rm" bash_is "kint journal rm " 1
check "bash: session days for session rm" bash_is "kint session rm " 2026-03-01
check "bash: --since for cue add" bash_offers "kint cue add --si" --since
check "bash: --format values" bash_is "kint review --format " text markdown json html
check "bash: --format=VALUE" bash_is "kint review --format=m" markdown
check "bash: export --format values" bash_is "kint export --format " json csv ics
check "bash: --kind values (rate)" bash_is "kint rate --kind " mood energy
check "bash: --kind values (journal)" bash_is "kint journal add --kind " actionable understanding acceptance
check "bash: --kind values (cue edit)" bash_is "kint cue edit 1 --kind " after if place time
check "bash: live cue ids for cue edit" bash_is "kint cue edit " 1 2 3
check "bash: --per values" bash_offers "kint cue add --per " 3/week 2/10d
check "bash: --days values" bash_is "kint cue add --days " \
    daily weekdays weekends mon tue wed thu fri sat sun
check "bash: --days after a comma: the days not chosen yet" bash_is "kint cue add --days mon,fri," \
    mon,fri,tue mon,fri,wed mon,fri,thu mon,fri,sat mon,fri,sun
check "bash: --week values" bash_is "kint review --week " this last
check "bash: --tag values" bash_offers "kint journal add -t " win obstacle insight
check "bash: hook init shells" bash_is "kint hook init " bash zsh fish
check "bash: global flags" bash_is "kint --" --db --config --today --json --color --version --help
check "bash: import completes file names" bash_offers "kint import $SANDBOX/oth" "$SANDBOX/other"

# Every flag of every command, read from its --help, is offered after `--`; and every flag that
# takes a value is known as one (so the word after it is not taken for a subcommand or an id).
help_options() { # help_options PATH...: "NAME VALUE?" per option in `kint PATH --help`
    kint "$@" --help | awk '
        /^[^ ]/ { inside = ($0 == "Options:") ; next }
        inside && /^  -/ {
            n = split($1, names, ",")
            # A value is named by its type: TEXT, INT:ID, TEXT:{a,b}, TEXT=daily (not REQUIRED).
            value = ($2 ~ /^[A-Z]+([:=].*)?$/ && $2 != "REQUIRED") ? 1 : 0
            for (i = 1; i <= n; i++) if (names[i] != "-h") print names[i], value
        }'
}
mapfile -t COMMAND_PATHS < <(kint complete commands | cut -f1)
missing_bash=()
for path in "" "${COMMAND_PATHS[@]}"; do
    read -ra words <<<"$path"
    offered=$'\n'$(bash_complete "kint ${path:+$path }--")$'\n'
    while read -r name value; do
        [[ $name == --* && $offered != *$'\n'"$name"$'\n'* ]] && missing_bash+=("kint $path $name")
        if [[ $value == 1 ]] &&
            ! (source "$REPO/completions/kint.bash" && _kint_takes_value "$name"); then
            missing_bash+=("kint $path $name (takes a value)")
        fi
    done < <(help_options "${words[@]}")
done
check "bash: every flag in every command's --help is offered (${#COMMAND_PATHS[@]} commands)" \
    [ "${#missing_bash[@]}" -eq 0 ]
((${#missing_bash[@]})) && diag "${missing_bash[@]}"

# --- fish ----------------------------------------------------------------------------------------

# fish_complete LINE: `complete -C LINE` in fish with only kint's script loaded (WORD TAB description).
fish_complete() {
    fish --no-config -c 'source $argv[1]/completions/kint.fish; or exit 5; complete -C $argv[2]' \
        "$REPO" "$1"
}

fish_has() { # fish_has LINE EXPECTED_LINE...
    local line=$1 got w missing=0
    shift
    got=$'\n'$(fish_complete "$line")$'\n'
    for w; do [[ $got == *$'\n'"$w"$'\n'* ]] || missing=1; done
    ((missing == 0)) && return 0
    diag "fish: '$line' lacks some of:" "$@" "got:" "$got"
    return 1
}

fish_words() { fish_complete "$1" | cut -f1 | sort | tr '\n' ' '; }

fish_is() { # fish_is LINE WORD...: exactly these words
    local line=$1 got want
    shift
    got=$(fish_words "$line")
    want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    [[ $got == "$want" ]] && return 0
    diag "fish: '$line'" "  got:  $got" "  want: $want"
    return 1
}

check "fish: live cue ids with their behavior" fish_has "kint cue show " \
    $'1\twrite one sentence' $'2\tbreathe out slowly' $'3\tstretch [31marms up (paused)'
check "fish: live cue ids for log, with 'list'" fish_has "kint log " $'1\twrite one sentence' \
    $'list\tList log entries'
check "fish: live intention ids with their text" fish_has "kint intent focus " \
    $'1\tI am open to new ways to cope'
check "fish: catalogue ids with their text" fish_has "kint intent add --from anxiety.5" \
    "$(kint complete catalogue | grep $'^anxiety\\.5\t')"
check "fish: the alias 'catalog' completes like catalogue" fish_has "kint intent catalog --group " \
    "$(kint complete groups | grep $'^anxiety\t')"
check "fish: --db chooses the store the ids come from" fish_has "kint --db $OTHER_DB log " \
    $'1\tdrink water'
out=$(KINT_DB=$NO_DB fish_complete "kint cue show ")
check "fish: no store: no ids" [ -z "$out" ]
check "fish: no store: nothing created" [ ! -e "$SANDBOX/none" ]
check "fish: journal ids with their day and text" fish_has "kint journal rm " \
    $'1\t2026-03-10 first morning pages'
check "fish: session days with their note" fish_has "kint session rm " $'2026-03-01\tfirst infusion'
check "fish: subcommands with descriptions" fish_has "kint " $'review\tThe weekly glance: how the trail is packing'
check "fish: cue subcommands" fish_is "kint cue " list add show step edit pause resume archive
check "fish: --format values" fish_is "kint review --format " text markdown json html
check "fish: --kind values" fish_is "kint rate --kind " mood energy
check "fish: --days values" fish_is "kint cue add --days " daily weekdays weekends mon tue wed thu fri sat sun
check "fish: --days after a comma: the days not chosen yet" fish_is "kint cue add --days mon,fri," \
    mon,fri,tue mon,fri,wed mon,fri,thu mon,fri,sat mon,fri,sun
check "fish: --week values" fish_is "kint review --week " this last
check "fish: hook init shells" fish_is "kint hook init " bash zsh fish
check "fish: import completes file names" fish_has "kint import $SANDBOX/oth" "$SANDBOX/other/"

missing_fish=()
for path in "" "${COMMAND_PATHS[@]}"; do
    read -ra words <<<"$path"
    offered=" $(fish_words "kint ${path:+$path }--")"
    while read -r name value; do
        [[ $name == --* && $offered != *" $name "* ]] && missing_fish+=("kint $path $name")
        if [[ $value == 1 ]] &&
            ! fish --no-config -c 'source $argv[1]/completions/kint.fish; and __kint_takes_value $argv[2]' \
                "$REPO" "$name"; then
            missing_fish+=("kint $path $name (takes a value)")
        fi
    done < <(help_options "${words[@]}")
done
check "fish: every flag in every command's --help is offered" [ "${#missing_fish[@]}" -eq 0 ]
((${#missing_fish[@]})) && diag "${missing_fish[@]}"

# --- zsh, typed at a real prompt in tmux ---------------------------------------------------------
cat >"$SANDBOX/zshrc" <<EOF
fpath=("$REPO/completions" \$fpath)
autoload -Uz compinit && compinit -u -D
bindkey -e
PS1='READY> '
EOF
tmux_start "zsh -f +o promptsp"
tmux_wait_prompt # zsh drops what is typed before its first prompt
tmux_send "source $SANDBOX/zshrc" Enter
# Wait for the new prompt: a Ctrl-C while compinit runs would interrupt it.
check "zsh: starts with compinit and the completion on \$fpath" tmux_wait "READY>"

# zsh_tab LINE NEEDLE...: types LINE at a clean prompt, presses Tab, waits for every NEEDLE.
zsh_tab() {
    local line=$1
    shift
    tmux_fresh_line "READY>" || return 1
    tmux_send -l "$line"
    tmux_send Tab
    tmux_wait "$@"
}

check "zsh: live cue ids with their behavior" zsh_tab "kint cue show " \
    "1  -- write one sentence" "2  -- breathe out slowly" "3  -- stretch [31marms up (paused)"
check "zsh: live intention ids with their text" zsh_tab "kint intent show " \
    "1  -- I am open to new ways to cope" "2  -- "
check "zsh: catalogue ids with their text" zsh_tab "kint intent add --from anxiety.1" \
    "anxiety.1 " "anxiety.10 " "-- Create self care routines"
check "zsh: cue subcommands with descriptions" zsh_tab "kint cue " \
    "add" "-- Place a cue with its tiny behavior" "pause" "archive"
check "zsh: the one session day is completed in place" zsh_tab "kint session rm " "READY> kint session rm 2026-03-01"
check "zsh: --format values" zsh_tab "kint review --format " "html" "json" "markdown" "text"
check "zsh: --kind values" zsh_tab "kint rate --kind " "energy" "mood"
check "zsh: --week values" zsh_tab "kint review --week " "last" "this"
check "zsh: the alias 'catalog' completes like catalogue" zsh_tab "kint intent catalog --ex" \
    "READY> kint intent catalog --expand"
check "zsh: --days values" zsh_tab "kint cue add --days " "daily" "weekdays" "weekends" "wed"
check "zsh: cue add flags" zsh_tab "kint cue add --" "--after" "--days" "--intent" "--place"
check "zsh: --db chooses the store the ids come from" zsh_tab "kint --db $OTHER_DB log " \
    "-- drink water" "-- List log entries"
check "zsh: --db: no ids from the default store" lacks "$SCREEN" "write one sentence"
# A single match is inserted on the line itself.
check "zsh: a unique word is completed in place" zsh_tab "kint rev" "READY> kint review"

finish
