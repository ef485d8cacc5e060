# bash completion for kint                                   -*- shell-script -*-
# Install as /usr/share/bash-completion/completions/kint, or source it from ~/.bashrc.
# Subcommands and live ids come from `kint complete ...`; the flags of each command are listed here.

# The flags of the command at path $1 ("" = kint itself).
_kint_flags() {
    case $1 in
    "") echo --db --config --today --json --color --version --help ;;
    init) echo --force ;;
    intent | "intent list" | cue | "cue list") echo --all ;;
    "intent add") echo --group --from ;;
    "intent catalogue") echo --group --expand ;;
    "cue add") echo --intent --after --if --place --time --do --at --days --per --target --unit --at-most --since ;;
    "cue step") echo --note --target --unit --at-most --at-least ;;
    "cue edit") echo --trigger --kind --at --no-at --days --per --since ;;
    log) echo --day --note --skip --slip --not-this-time --amount --undo --all ;;
    "log list") echo --since --until --cue ;;
    rate) echo --energy --kind --day --note ;;
    "rate list") echo --since --until --kind ;;
    "journal add") echo --tag --kind --prompt --day ;;
    "journal list") echo --since --until --tag ;;
    "session add") echo --note ;;
    prompts) echo --all --count ;;
    review) echo --week --month --since --until --format --out ;;
    report) echo --since --since-session --until --format --out ;;
    trail) echo --since --until --format --out ;;
    remind) echo --dry-run ;;
    practice) echo --log --minutes ;;
    export) echo --format --canonical --out ;;
    import) echo --from --dry-run --mood ;;
    "sync init") echo --key ;;
    "hook prompt") echo --shell ;;
    esac
}

# Flags that take a value (the same name takes one in every command).
_kint_takes_value() {
    case $1 in
    --db | --config | --today | --color | --group | --from | --intent | --after | --if | --place | \
        --time | --do | --at | --days | --note | --day | --since | --until | --cue | --energy | \
        --kind | --tag | -t | --prompt | --count | -n | --week | --month | --format | --out | --log | \
        --minutes | --shell | --per | --target | --unit | --trigger | --amount | --mood | --key)
        return 0
        ;;
    esac
    return 1
}

# File names, with bash-completion's _filedir when it is loaded.
_kint_files() {
    if declare -F _filedir >/dev/null; then
        _filedir
    else
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

# Words of `kint complete WHAT`, without their descriptions.
_kint_words() {
    command kint "${_kint_globals[@]}" complete "$1" 2>/dev/null | cut -f1
}

_kint() {
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi

    # Walk the words before the cursor: the subcommand path, the positionals after it, and the
    # global flags that choose the store and config (passed on to `kint complete`).
    local -a _kint_globals=()
    local commands path="" args=0 i w
    commands=$(command kint complete commands 2>/dev/null | cut -f1)
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        case $w in
        --db | --config)
            _kint_globals+=("$w" "${words[i + 1]}")
            ((i++))
            ;;
        --db=* | --config=*) _kint_globals+=("$w") ;;
        -*) _kint_takes_value "$w" && ((i++)) ;;
        *)
            [[ $path == intent && $w == catalog ]] && w=catalogue # the alias
            if ((args == 0)) && [[ $'\n'$commands$'\n' == *$'\n'"${path:+$path }$w"$'\n'* ]]; then
                path=${path:+$path }$w
            else
                ((args++))
            fi
            ;;
        esac
    done

    if _kint_takes_value "$prev"; then
        local values=""
        case $prev in
        --db | --config | --out)
            _kint_files
            return
            ;;
        --format) [[ $path == export ]] && values="json csv ics" || values="text markdown json html" ;;
        --kind)
            case $path in
            journal*) values="actionable understanding acceptance" ;;
            cue*) values="after if place time" ;;
            *) values="mood energy" ;;
            esac
            ;;
        --per) values="1/week 2/week 3/week 4/week 5/week 2/10d" ;;
        --color) values="auto always never" ;;
        --energy) values="0 1 2 3 4 5 6 7 8 9 10" ;;
        --tag | -t) values="win obstacle insight felt mattered remember" ;;
        --week | --month) values="this last" ;;
        --shell) values="bash zsh fish plain" ;;
        --day | --since | --until) values="today yesterday" ;;
        --days)
            if [[ $cur == *,* ]]; then # a comma list: complete a day not chosen yet after the last comma
                local d
                for d in mon tue wed thu fri sat sun; do
                    [[ ,${cur%,*}, == *",$d,"* ]] || values+=" ${cur%,*},$d"
                done
            else
                values="daily weekdays weekends mon tue wed thu fri sat sun"
            fi
            ;;
        --from) [[ $path == import ]] && values="loop harsh daylio jrnl" || values=$(_kint_words catalogue) ;;
        --group) values=$(_kint_words groups) ;;
        --prompt) values=$(_kint_words prompts) ;;
        --intent) values=$(_kint_words intentions) ;;
        --cue | --log) values=$(_kint_words cues) ;;
        esac
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
        return
    fi
    $split && return

    if [[ $cur == -* ]]; then
        local flags
        flags=$(_kint_flags "$path")
        [[ -n $path ]] && flags+=" --json --help"
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
        return
    fi

    local values=""
    if ((args == 0)); then
        # The subcommands one level below the path.
        local c
        while IFS= read -r c; do
            if [[ -z $path ]]; then
                [[ $c == *" "* ]] || values+=" $c"
            elif [[ $c == "$path "* && ${c#"$path "} != *" "* ]]; then
                values+=" ${c#"$path "}"
            fi
        done <<<"$commands"
        case $path in
        log | trail | "cue show" | "cue step" | "cue edit" | "cue pause" | "cue resume" | "cue archive")
            values+=" $(_kint_words cues)"
            ;;
        "intent show" | "intent edit" | "intent focus" | "intent archive")
            values+=" $(_kint_words intentions)"
            ;;
        practice) values+=" $(_kint_words practices)" ;;
        "session add") values+=" today yesterday" ;;
        "session rm") values+=" $(_kint_words sessions)" ;;
        "journal rm") values+=" $(_kint_words journal)" ;;
        import)
            _kint_files
            return
            ;;
        "hook init") values+=" bash zsh fish" ;;
        sync) values+=" $(compgen -d -- "$cur")" ;;
        "sync init")
            _kint_files
            return
            ;;
        rate) values+=" 0 1 2 3 4 5 6 7 8 9 10" ;;
        esac
    fi
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
} &&
    complete -F _kint kint

# ex: filetype=sh
