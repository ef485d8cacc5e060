#!/usr/bin/env bash
# The prompt hook inside the real shells: `kint hook init bash|zsh|fish` evaluated twice installs
# one hook, keeps the user's $? and their own prompt hooks, and puts the segment in $KINT_SEGMENT;
# `kint hook prompt` only reads, says nothing without a store (and creates none), and shows store
# text stripped of control characters, with % escaped for zsh.
# bash and zsh run interactively on a pipe (PROMPT_COMMAND and precmd run before each prompt they
# print); fish draws its prompt only on a terminal, so it runs in a private tmux server.
# Usage: bash tests/shell/hook_test.sh /path/to/kint        (TAP output; exit 1 on a failure)

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export KINT_NOW=19:00 # after hook.mood_reminder_after: the segment asks for a mood
ESC=$'\e'

kint intent add "I am open to new ways to cope" >/dev/null
kint cue add --after "I pour my coffee" --do "write one sentence" >/dev/null
kint cue add --after "I close the laptop" --do "stretch once" >/dev/null 2>&1
# An if-then cue is a situation: never due, so the segment does not count it.
kint cue add --if "I feel anger rising" --do "breathe out slowly" >/dev/null 2>&1
kint log 1 >/dev/null
SEGMENT="kint 1/2 · mood?"
NO_DB=$SANDBOX/none/kint.db

# --- kint hook prompt on its own ------------------------------------------------------------------
check "prompt: cues done/total and the mood reminder" same "$(kint hook prompt)" "$SEGMENT"
check "prompt: before mood_reminder_after, no reminder" same "$(KINT_NOW=09:00 kint hook prompt)" "kint 1/2"
out=$(KINT_DB=$NO_DB kint hook prompt 2>&1; echo "rc=$?")
check "prompt: no store: nothing at all, exit 0" same "$out" "rc=0"
check "prompt: no store: none created" [ ! -e "$SANDBOX/none" ]
for bad in "KINT_TODAY=2026-02-30" "KINT_NOW=25:99" "KINT_DB=$SANDBOX" "KINT_DB=$REPO/README.md"; do
    out=$(env "$bad" kint hook prompt 2>&1; echo "rc=$?")
    check "prompt: $bad: silent, exit 0" same "$out" "rc=0"
done
for words in "--no-such-flag" "extra words" "--shell" "--color=purple"; do
    out=$(kint hook prompt $words 2>&1; echo "rc=$?")
    check "prompt $words: no usage error, exit 0" same "$out" "rc=0"
done

# Only reads: the store, the hook cache and the folder listing are the same afterwards.
snapshot() { (cd "$SANDBOX/store" && ls -A && sha256sum kint.db kint.db.hook); }
before=$(snapshot)
kint hook prompt >/dev/null
check "prompt: writes nothing (store, cache and folder unchanged)" same "$(snapshot)" "$before"

# Never waits for a writer: a write transaction held open by another process does not block it.
fifo=$SANDBOX/writer.fifo
mkfifo "$fifo"
sqlite3 -cmd ".timeout 10000" "$KINT_DB" <"$fifo" >/dev/null 2>&1 & # waits out the probes below
writer=$!
exec 7>"$fifo"
echo "BEGIN IMMEDIATE; INSERT INTO state(key, value) VALUES ('shell-test', 'x');" >&7
# Wait until the writer holds its lock (another writer is then refused at once).
deadline=$((SECONDS + WAIT_SECONDS))
while sqlite3 -cmd ".timeout 0" "$KINT_DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 &&
    ((SECONDS < deadline)); do
    sleep 0.05
done
check "setup: another process holds a write transaction" \
    bash -c '! sqlite3 -cmd ".timeout 0" "$1" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null' _ "$KINT_DB"
out=$(timeout 10 kint hook prompt; echo "rc=$?")
check "prompt: beside an open write transaction: answers, exit 0" same "$out" "$SEGMENT"$'\n'"rc=0"
echo "ROLLBACK;" >&7
exec 7>&-
wait "$writer"

# A store that cannot be read at all for now (a copy in rollback-journal mode, held by an
# EXCLUSIVE transaction): the prompt gives up at once and says nothing, well before the 5 s a
# writing command would wait.
LOCKED_DB=$SANDBOX/locked/kint.db
mkdir -m 0700 "$SANDBOX/locked"
sqlite3 "$KINT_DB" ".backup '$LOCKED_DB'"
sqlite3 "$LOCKED_DB" "PRAGMA journal_mode = DELETE" >/dev/null
fifo=$SANDBOX/locker.fifo
mkfifo "$fifo"
sqlite3 -cmd ".timeout 10000" "$LOCKED_DB" <"$fifo" >/dev/null 2>&1 &
writer=$!
exec 7>"$fifo"
echo "BEGIN EXCLUSIVE; INSERT INTO state(key, value) VALUES ('shell-test', 'x');" >&7
deadline=$((SECONDS + WAIT_SECONDS))
while sqlite3 -cmd ".timeout 0" "$LOCKED_DB" "SELECT count(*) FROM state;" >/dev/null 2>&1 &&
    ((SECONDS < deadline)); do
    sleep 0.05
done
check "setup: another process holds an exclusive lock" \
    bash -c '! sqlite3 -cmd ".timeout 0" "$1" "SELECT count(*) FROM state;" >/dev/null 2>&1' _ "$LOCKED_DB"
out=$(KINT_DB=$LOCKED_DB timeout 4 kint hook prompt; echo "rc=$?")
check "prompt: a store locked by a writer: gives up quietly at once, exit 0" same "$out" "rc=0"
echo "ROLLBACK;" >&7
exec 7>&-
wait "$writer"

# --- bash -----------------------------------------------------------------------------------------

# bash_session LINE...: the LINEs typed into an interactive bash (prompts and output together).
bash_session() { printf '%s\n' "$@" | bash --norc --noprofile -i 2>&1; }

out=$(bash_session \
    'PROMPT_COMMAND='\''echo "user-hook saw $?"'\' \
    'PS1='\''[${KINT_SEGMENT}]> '\' \
    'eval "$(kint hook init bash)"' \
    'eval "$(kint hook init bash)"' \
    'echo "count=$(grep -o _kint_hook <<<"${PROMPT_COMMAND[*]}" | wc -l)"' \
    'false' \
    'echo "status=$?"')
check "bash: evaluated twice, installed once" has "$out" "count=1"
check "bash: \$? kept for the command line" has "$out" "status=1"
check "bash: an existing PROMPT_COMMAND still runs, and sees \$?" has "$out" "user-hook saw 1"
check "bash: the segment in PS1" has "$out" "[$SEGMENT]> "

out=$(bash_session \
    'user_hook() { echo "user-hook saw $?"; }' \
    'PROMPT_COMMAND=(user_hook)' \
    'eval "$(kint hook init bash)"' \
    'eval "$(kint hook init bash)"' \
    'echo "entries=${#PROMPT_COMMAND[@]}: ${PROMPT_COMMAND[*]}"' \
    'false')
check "bash: PROMPT_COMMAND as an array: one hook added, the user's kept" \
    has "$out" "entries=2: _kint_hook user_hook"
check "bash: PROMPT_COMMAND as an array: the user's hook sees \$?" has "$out" "user-hook saw 1"

out=$(KINT_DB=$NO_DB bash_session 'eval "$(kint hook init bash)"' 'true' 'echo "segment=[$KINT_SEGMENT]"')
check "bash: no store: empty segment" has "$out" "segment=[]"
check "bash: no store: none created" [ ! -e "$SANDBOX/none" ]

# --- zsh ------------------------------------------------------------------------------------------

# zsh_session LINE...: the same for zsh, without the partial-line marker (it holds escapes).
zsh_session() { printf '%s\n' "$@" | zsh -f -i +o promptsp +o promptcr 2>&1; }

out=$(zsh_session \
    'user_hook() { print -r -- "user-hook saw $?" }' \
    'precmd_functions=(user_hook)' \
    'setopt PROMPT_SUBST; PS1='\''[${KINT_SEGMENT}]> '\' \
    'eval "$(kint hook init zsh)"' \
    'eval "$(kint hook init zsh)"' \
    'print -r -- "count=${#${(@M)precmd_functions:#_kint_hook}} all=${precmd_functions[*]}"' \
    'false' \
    'print -r -- "status=$?"')
check "zsh: evaluated twice, installed once" has "$out" "count=1 all=_kint_hook user_hook"
check "zsh: \$? kept for the command line" has "$out" "status=1"
check "zsh: an existing precmd function still runs, and sees \$?" has "$out" "user-hook saw 1"
check "zsh: the segment in the prompt" has "$out" "[$SEGMENT]> "

out=$(KINT_DB=$NO_DB zsh_session 'eval "$(kint hook init zsh)"' 'true' 'print -r -- "segment=[$KINT_SEGMENT]"')
check "zsh: no store: empty segment" has "$out" "segment=[]"
check "zsh: no store: none created" [ ! -e "$SANDBOX/none" ]

# Store text in the prompt: the focus intention, holding a %, an escape sequence, a bell and a C1
# control. zsh gets the % doubled (so prompt expansion shows one %) and no control character.
mkdir -p "$(dirname "$KINT_CONFIG")"
printf '[hook]\nshow_focus = true\n' >"$KINT_CONFIG"
sqlite3 "$KINT_DB" "UPDATE intention SET text = 'Be 100% here' || char(27) || '[31m' || char(7) || 'now' || char(155) || '2J' WHERE id = 1"
kint today >/dev/null # any command refreshes the hook's settings cache from the config
FOCUS='Be 100% here[31mnow2J'
check "prompt: store text without control characters" \
    same "$(kint hook prompt --shell bash)" "kint $FOCUS · 1/2 · mood?"
check "prompt --shell zsh: % doubled" \
    same "$(kint hook prompt --shell zsh)" "kint ${FOCUS//%/%%} · 1/2 · mood?"
out=$(zsh_session \
    'setopt PROMPT_SUBST; PS1='\''<${KINT_SEGMENT}> '\' \
    'eval "$(kint hook init zsh)"' \
    'true')
check "zsh: the prompt shows the text with one %" has "$out" "<kint $FOCUS · 1/2 · mood?> "
check "zsh: no escape character reaches the terminal" lacks "$out" "$ESC"
out=$(bash_session 'PS1='\''<${KINT_SEGMENT}> '\' 'eval "$(kint hook init bash)"' 'true')
check "bash: the prompt shows the text without control characters" \
    has "$out" "<kint $FOCUS · 1/2 · mood?> "
check "bash: no escape character reaches the terminal" lacks "$out" "$ESC"
# The focus is shortened to 24 characters, counted after the control characters are gone.
sqlite3 "$KINT_DB" "UPDATE intention SET text = 'Twenty-four characters..' || char(7) WHERE id = 1"
check "prompt: a focus of exactly 24 characters is whole" \
    same "$(kint hook prompt)" "kint Twenty-four characters.. · 1/2 · mood?"
sqlite3 "$KINT_DB" "UPDATE intention SET text = 'Twenty-four characters and more' WHERE id = 1"
check "prompt: a longer focus is shortened with an ellipsis" \
    same "$(kint hook prompt)" "kint Twenty-four characters a… · 1/2 · mood?"
printf '[hook]\nshow_focus = false\n' >"$KINT_CONFIG"
kint today >/dev/null

# --- fish, at a real prompt in tmux ----------------------------------------------------------------
cat >"$SANDBOX/config.fish" <<'EOF'
function fish_greeting; end
function fish_prompt; printf '[st=%s seg=%s]> ' $status "$KINT_SEGMENT"; end
function fish_right_prompt; printf 'R(%s)' "$KINT_SEGMENT"; end
function user_hook --on-event fish_prompt; set -g user_hook_saw $status; end
kint hook init fish | source
kint hook init fish | source
EOF
tmux_start "fish --no-config -C 'source $SANDBOX/config.fish'"
check "fish: the segment in fish_prompt" tmux_wait "[st=0 seg=$SEGMENT]> "
check "fish: the segment in fish_right_prompt" tmux_wait "R($SEGMENT)"
tmux_send 'false' Enter
check "fish: \$status kept for the prompt" tmux_wait "[st=1 seg=$SEGMENT]> "
tmux_send "echo handlers=(functions --handlers-type generic | string match -- '*__kint_hook' | count) user=\$user_hook_saw" Enter
check "fish: evaluated twice, one handler; an existing fish_prompt handler still runs" \
    tmux_wait "handlers=1 user=1"
tmux_send "set -gx KINT_DB $NO_DB" Enter
tmux_send 'true' Enter
check "fish: no store: empty segment" tmux_wait "[st=0 seg=]> "
check "fish: no store: none created" [ ! -e "$SANDBOX/none" ]
tmux -S "$TMUX_SOCKET" kill-server >/dev/null 2>&1

# --- the init code itself -------------------------------------------------------------------------
for shell in bash zsh fish; do
    out=$(kint hook init "$shell"; echo "rc=$?")
    check "init $shell: names this kint by its full path" has "$out" "'$KINT_BIN' hook prompt --shell $shell"
done
check "init bash: syntax" bash -n <(kint hook init bash)
check "init zsh: syntax" zsh -n <(kint hook init zsh)
check "init fish: syntax" fish --no-execute <(kint hook init fish)
out=$(kint hook init tcsh 2>&1; echo "rc=$?")
check "init with an unknown shell: a usage error" has "$out" "rc=2"

finish
