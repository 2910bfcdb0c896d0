#!/bin/sh
# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
# Runs fuzz_mutate over RUNS inputs even when some input ends the process (a crash inside a
# library): each crash's input is kept as WORK/crash-RUN.bin, the inputs before it are re-read
# to count them, and the run goes on after it with the same sequence (--start). Prints the sum
# of the segments' tables and the crashes. docs/ARCHITECTURE.md, "Tests".
#
#   fuzz_mutate_through.sh FUZZ_MUTATE RUNS SEED WORK
set -u
program=$1 runs=$2 seed=$3 work=$4
mkdir -p "$work"
start=0 segment=0 crashes=""
: >"$work/tables.txt"
while [ "$start" -lt "$runs" ]; do
    "$program" --runs "$runs" --seed "$seed" --start "$start" --work "$work" \
        >"$work/segment-$segment.txt" 2>"$work/segment-$segment.err"
    status=$?
    crash=$(sed -n 's/^fuzz_mutate: run \([0-9]*\) ended the process.*/\1/p' \
        "$work/segment-$segment.err")
    if [ -z "$crash" ]; then
        cat "$work/segment-$segment.txt" >>"$work/tables.txt"
        cat "$work/segment-$segment.err" >&2
        [ "$status" -le 1 ] || echo "fuzz_mutate ended with status $status" >&2
        break
    fi
    crashes="$crashes $crash"
    if [ "$crash" -gt "$start" ]; then # count the inputs before the crash
        "$program" --runs "$crash" --seed "$seed" --start "$start" --work "$work/recount" \
            >>"$work/tables.txt" 2>>"$work/segment-$segment.err"
    fi
    start=$((crash + 1)) segment=$((segment + 1))
done
# The tables' rows: target (22 columns), damage (13), then six counts.
awk 'substr($0, 1, 6) != "target" && substr($0, 1, 3) != "all" && NF >= 8 {
         key = substr($0, 1, 36)
         n = split(substr($0, 37), c, " ")
         for (i = 1; i <= n; i++) { sum[key, i] += c[i]; total[i] += c[i] }
         keys[key] = 1
     }
     END {
         printf "%-36s %9s %9s %9s %9s %9s %9s\n", "target / damage", "accepted", "changed",
                "refused", "unexpect.", "mem:HDF5", "mem:ours"
         for (k in keys) {
             printf "%-36s", k
             for (i = 1; i <= 6; i++) printf " %9d", sum[k, i]
             printf "\n"
         }
         printf "~%-35s", "all"
         for (i = 1; i <= 6; i++) printf " %9d", total[i]
         printf "\n"
     }' "$work/tables.txt" | {
    read -r header
    echo "$header"
    LC_ALL=C sort | sed 's/^~/ /' # the total ("~" sorts after letters) last
}
echo "crashes (runs whose input ended the process):${crashes:- none}"
