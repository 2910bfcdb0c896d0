#!/bin/sh
# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
# The AWA2-sized training epoch on a machine shared as a desktop is: idle, beside one busy
# process (`yes > /dev/null`), and beside a second training job (a second copy of the same
# benchmark, started at the same moment), each on 1 thread, 2 threads and the default.
# Prints bench_epoch's counters per case; OMP_WAIT_POLICY and OPENBLAS_CORETYPE are left as the
# caller's shell has them. Usage: tests/bench/shared_machine.sh [BUILD_DIR]
set -eu
bench="${1:-build}/tests/bench/bench_epoch"
[ -x "$bench" ] || { echo "no $bench: build the bench_epoch target first" >&2; exit 1; }

run() { # $1: thread argument; prints the epoch's counters
    "$bench" --benchmark_filter="BM_Epoch/$1/" --benchmark_counters_tabular=true 2>/dev/null |
        grep '^BM_Epoch'
}

for threads in 1 2 0; do
    echo "== idle, threads $threads"
    run "$threads"

    echo "== one busy process, threads $threads"
    yes > /dev/null &
    busy=$!
    run "$threads"
    kill "$busy"
    wait "$busy" 2>/dev/null || true

    echo "== two training jobs, threads $threads"
    first=$(mktemp)
    run "$threads" > "$first" &
    other=$!
    run "$threads"
    wait "$other"
    cat "$first"
    rm -f "$first"
done
