# fish completion for kint. Install as ~/.config/fish/completions/kint.fish (or in
# $__fish_vendor_completionsdir). Subcommands and live ids come from `kint complete ...`; the flags
# of each command are listed here.

# Flags that take a value (the same name takes one in every command).
function __kint_takes_value
    contains -- $argv[1] --db --config --today --color --group --from --intent --after --if \
        --place --time --do --at --days --note --day --since --until --cue --energy --kind --tag -t \
        --prompt --count -n --week --month --format --out --log --minutes --shell --per --target --unit \
        --trigger --amount --mood --key
end

# The subcommand paths with descriptions (`kint complete commands`), read once per shell.
function __kint_commands
    if test (count $__kint_commands_cache) -eq 0
        set -g __kint_commands_cache (command kint complete commands 2>/dev/null)
    end
    printf '%s\n' $__kint_commands_cache
end

# Walks the words before the cursor once per command line: sets __kint_path (the subcommand path),
# __kint_args (positionals after it) and __kint_globals (--db/--config, passed to `kint complete`).
function __kint_walk
    set -l tokens (commandline -opc)
    set -l key (string join \n -- $tokens)
    if set -q __kint_walked; and test "$__kint_walked" = "$key"
        return
    end
    set -l paths (__kint_commands | string replace -r '\t.*' '')
    set -g __kint_path ''
    set -g __kint_args 0
    set -g __kint_globals
    set -l skip 0
    set -l i 1
    for w in $tokens[2..-1]
        set i (math $i + 1)
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $w
            case --db --config
                set -a __kint_globals $w $tokens[(math $i + 1)]
                set skip 1
            case '--db=*' '--config=*'
                set -a __kint_globals $w
            case '-*'
                if __kint_takes_value $w
                    set skip 1
                end
            case '*'
                if test "$__kint_path" = intent; and test "$w" = catalog
                    set w catalogue # the alias
                end
                set -l candidate (string join ' ' -- $__kint_path $w | string trim)
                if test $__kint_args -eq 0; and contains -- $candidate $paths
                    set __kint_path $candidate
                else
                    set __kint_args (math $__kint_args + 1)
                end
        end
    end
    set -g __kint_walked $key
end

# True when the words so far name the command at path $argv[1] ("" = kint itself).
function __kint_is
    __kint_walk
    test "$__kint_path" = "$argv[1]"
end

# True when the next word is the first positional of the command at one of the paths $argv.
function __kint_first
    __kint_walk
    test $__kint_args -eq 0; and contains -- "$__kint_path" $argv
end

# The subcommands one level below the current path, with descriptions.
function __kint_subcommands
    __kint_walk
    for line in (__kint_commands)
        set -l name (string split -m1 \t -- $line)[1]
        if test -z "$__kint_path"
            string match -q -- '* *' $name; or printf '%s\n' $line
        else if string match -q -- "$__kint_path *" $name
            set -l rest (string replace -- "$__kint_path " '' $line)
            string match -q -r -- '^[^ \t]+\t' $rest; and printf '%s\n' $rest
        end
    end
end

# The schedule words for --days; after a comma, the weekdays not chosen yet, appended to the list.
function __kint_days
    set -l token (commandline -ct | string replace -r -- '^--days=' '')
    if string match -q -- '*,*' $token
        set -l chosen (string split , -- (string replace -r -- ',[^,]*$' '' $token))
        set -l head (string replace -r -- ',[^,]*$' '' $token)
        for d in mon tue wed thu fri sat sun
            contains -- $d $chosen; or printf '%s,%s\n' $head $d
        end
    else
        printf '%s\n' daily weekdays weekends mon tue wed thu fri sat sun
    end
end

# Live words with descriptions: `kint complete WHAT`.
function __kint_list
    __kint_walk
    command kint $__kint_globals complete $argv[1] 2>/dev/null
end

complete -c kint -f

# Subcommands, and the ids a command takes as its first word.
complete -c kint -n '__kint_walk; test $__kint_args -eq 0' -a '(__kint_subcommands)'
complete -c kint -n '__kint_first log trail "cue show" "cue step" "cue edit" "cue pause" "cue resume" "cue archive"' -a '(__kint_list cues)'
complete -c kint -n '__kint_first "intent show" "intent edit" "intent focus" "intent archive"' -a '(__kint_list intentions)'
complete -c kint -n '__kint_first practice' -a '(__kint_list practices)'
complete -c kint -n '__kint_first "hook init"' -a 'bash zsh fish'
complete -c kint -n '__kint_first rate' -a '0 1 2 3 4 5 6 7 8 9 10'
complete -c kint -n '__kint_first "session add"' -a 'today yesterday'
complete -c kint -n '__kint_first "session rm"' -a '(__kint_list sessions)'
complete -c kint -n '__kint_first "journal rm"' -a '(__kint_list journal)'
complete -c kint -n '__kint_first import' -F
complete -c kint -n '__kint_first sync "sync init"' -a '(__fish_complete_directories)'

# Global flags.
complete -c kint -n '__kint_is ""' -l db -r -F -d 'Store file (default $KINT_DB)'
complete -c kint -n '__kint_is ""' -l config -r -F -d 'Config file (default $KINT_CONFIG)'
complete -c kint -n '__kint_is ""' -l today -x -d 'Act as if today were YYYY-MM-DD'
complete -c kint -n '__kint_is ""' -l color -x -a 'auto always never' -d 'Colour'
complete -c kint -n '__kint_is ""' -l version -d 'Print the version'
complete -c kint -l json -d 'Print JSON'
complete -c kint -s h -l help -d 'Print help'

set -l days 'today yesterday'
set -l tags 'win obstacle insight felt mattered remember'

complete -c kint -n '__kint_is init' -l force -d 'Overwrite an existing config with the default'

complete -c kint -n '__kint_is intent; or __kint_is "intent list"' -l all -d 'Include archived intentions'
complete -c kint -n '__kint_is "intent add"' -l group -x -a '(__kint_list groups)' -d 'Catalogue group key'
complete -c kint -n '__kint_is "intent add"' -l from -x -a '(__kint_list catalogue)' -d 'Take the text of a catalogue item'
complete -c kint -n '__kint_is "intent catalogue"' -l group -x -a '(__kint_list groups)' -d 'Open one group'
complete -c kint -n '__kint_is "intent catalogue"' -l expand -d 'Open every group'

complete -c kint -n '__kint_is cue; or __kint_is "cue list"' -l all -d 'Include archived cues'
complete -c kint -n '__kint_is "cue add"' -l intent -x -a '(__kint_list intentions)' -d 'Intention id (default: the focus)'
complete -c kint -n '__kint_is "cue add"' -l after -x -d 'Habit stacking: after I ...'
complete -c kint -n '__kint_is "cue add"' -l if -x -d 'If-then plan: if I ...'
complete -c kint -n '__kint_is "cue add"' -l place -x -d 'An object where you already go'
complete -c kint -n '__kint_is "cue add"' -l time -x -d 'A reminder at a clock time HH:MM'
complete -c kint -n '__kint_is "cue add"' -l do -x -d 'The tiny behavior'
complete -c kint -n '__kint_is "cue add"' -l at -x -d 'Time of day HH:MM'
complete -c kint -n '__kint_is "cue add"' -l days -x -a '(__kint_days)' -d 'Days it is scheduled'
complete -c kint -n '__kint_is "cue add"' -l since -x -a "$days" -d 'The day you began it'
complete -c kint -n '__kint_is "cue add"; or __kint_is "cue edit"' -l per -x -a '1/week 2/week 3/week 4/week 5/week 2/10d' -d 'N times per week or in any M days'
complete -c kint -n '__kint_is "cue add"; or __kint_is "cue step"' -l target -x -d 'The amount of a measured step'
complete -c kint -n '__kint_is "cue add"; or __kint_is "cue step"' -l unit -x -d 'The target\'s unit, e.g. min'
complete -c kint -n '__kint_is "cue add"; or __kint_is "cue step"' -l at-most -d 'The target is a limit to stay under'
complete -c kint -n '__kint_is "cue step"' -l note -x -d 'Why the step changed'
complete -c kint -n '__kint_is "cue step"' -l at-least -d 'The target is an amount to reach'
complete -c kint -n '__kint_is "cue edit"' -l trigger -x -d 'What the cue is tied to'
complete -c kint -n '__kint_is "cue edit"' -l kind -x -a 'after if place time' -d 'The kind of cue'
complete -c kint -n '__kint_is "cue edit"' -l at -x -d 'Time of day HH:MM'
complete -c kint -n '__kint_is "cue edit"' -l no-at -d 'No set time any more'
complete -c kint -n '__kint_is "cue edit"' -l days -x -a '(__kint_days)' -d 'Days it is scheduled'
complete -c kint -n '__kint_is "cue edit"' -l since -x -a "$days" -d 'An earlier first day'

complete -c kint -n '__kint_is log' -l day -x -a "$days" -d 'Day (default today)'
complete -c kint -n '__kint_is log' -l note -x -d 'What happened, or what got in the way'
complete -c kint -n '__kint_is log' -l skip -d 'Excused: not counted against'
complete -c kint -n '__kint_is log' -l slip -d 'Missed'
complete -c kint -n '__kint_is log' -l not-this-time -d 'If-then: the situation came, not this time'
complete -c kint -n '__kint_is log' -l amount -x -d "A measured cue's amount"
complete -c kint -n '__kint_is log' -l undo -d "Remove that day's entry that counts"
complete -c kint -n '__kint_is log' -l all -d 'With --undo: every entry of that day'
complete -c kint -n '__kint_is "log list"' -l since -x -a "$days" -d 'From this day'
complete -c kint -n '__kint_is "log list"' -l until -x -a "$days" -d 'Up to this day'
complete -c kint -n '__kint_is "log list"' -l cue -x -a '(__kint_list cues)' -d 'Only this cue'

complete -c kint -n '__kint_is rate' -l energy -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Also rate energy 0-10'
complete -c kint -n '__kint_is rate' -l kind -x -a 'mood energy' -d 'What VALUE rates'
complete -c kint -n '__kint_is rate' -l day -x -a "$days" -d 'Day (default today)'
complete -c kint -n '__kint_is rate' -l note -x -d 'A few words about the day'
complete -c kint -n '__kint_is "rate list"' -l since -x -a "$days" -d 'From this day'
complete -c kint -n '__kint_is "rate list"' -l until -x -a "$days" -d 'Up to this day'
complete -c kint -n '__kint_is "rate list"' -l kind -x -a 'mood energy' -d 'Only mood or energy'

complete -c kint -n '__kint_is "journal add"' -s t -l tag -x -a "$tags" -d 'A tag'
complete -c kint -n '__kint_is "journal add"' -l kind -x -a 'actionable understanding acceptance' -d 'For insights'
complete -c kint -n '__kint_is "journal add"' -l prompt -x -a '(__kint_list prompts)' -d 'The prompt id it answers'
complete -c kint -n '__kint_is "journal add"' -l day -x -a "$days" -d 'Day (default today)'
complete -c kint -n '__kint_is "journal list"' -l since -x -a "$days" -d 'From this day'
complete -c kint -n '__kint_is "journal list"' -l until -x -a "$days" -d 'Up to this day'
complete -c kint -n '__kint_is "journal list"' -s t -l tag -x -a "$tags" -d 'Only entries with this tag'

complete -c kint -n '__kint_is "session add"' -l note -x -d 'A few words about it'

complete -c kint -n '__kint_is prompts' -l all -d 'List every prompt with its id'
complete -c kint -n '__kint_is prompts' -s n -l count -x -d 'How many prompts for today (1-20)'

complete -c kint -n '__kint_is review' -l week -x -a 'this last' -d 'this, last, or an ISO week like 2026-W47'
complete -c kint -n '__kint_is review' -l month -x -a 'this last' -d 'this, last, or a month like 2026-09'
complete -c kint -n '__kint_is review' -l since -x -a "$days" -d 'Review from this day'
complete -c kint -n '__kint_is review' -l until -x -a "$days" -d 'Review up to this day'
complete -c kint -n '__kint_is review' -l format -x -a 'text markdown json html' -d 'Output format'
complete -c kint -n '__kint_is review' -l out -r -F -d 'Write to FILE instead of stdout'
complete -c kint -n '__kint_is trail' -l since -x -a "$days" -d 'Show from this day'
complete -c kint -n '__kint_is trail' -l until -x -a "$days" -d 'Show up to this day'
complete -c kint -n '__kint_is trail' -l format -x -a 'text markdown json html' -d 'Output format'
complete -c kint -n '__kint_is trail' -l out -r -F -d 'Write to FILE instead of stdout'

complete -c kint -n '__kint_is report' -l since -x -a "$days" -d 'Report from this day'
complete -c kint -n '__kint_is report' -l since-session -d "Report from the latest session's day"
complete -c kint -n '__kint_is report' -l until -x -a "$days" -d 'Report up to this day'
complete -c kint -n '__kint_is report' -l format -x -a 'markdown html json' -d 'Output format'
complete -c kint -n '__kint_is report' -l out -r -F -d 'Write to FILE instead of stdout'

complete -c kint -n '__kint_is remind' -l dry-run -d 'Show what would be sent; send and record nothing'

complete -c kint -n '__kint_is practice' -l log -x -a '(__kint_list cues)' -d 'Log this cue as done when it ends'
complete -c kint -n '__kint_is practice' -l minutes -x -d 'How long, in minutes'

complete -c kint -n '__kint_is export' -l format -x -a 'json csv ics' -d 'Output format'
complete -c kint -n '__kint_is export' -l canonical -d 'JSON without store ids, ordered by uid'
complete -c kint -n '__kint_is export' -l out -r -F -d 'Write to FILE instead of stdout'
complete -c kint -n '__kint_is import' -l from -x -a 'loop harsh daylio jrnl' -d 'Another tracker'
complete -c kint -n '__kint_is import' -l dry-run -d 'Show what would be added; write nothing'
complete -c kint -n '__kint_is import' -l mood -x -d 'A Daylio mood, LABEL=N'

complete -c kint -n '__kint_is "hook prompt"' -l shell -x -a 'bash zsh fish plain' -d 'Escape for this shell'
complete -c kint -n '__kint_is "sync init"' -l key -r -F -d "Join with a copy of the first device's key file"
