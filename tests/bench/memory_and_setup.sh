#!/bin/sh
# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
# Peak memory and time outside the epoch of `semrel train` on a dataset, against its features'
# size: `semrel info` (the load alone), then `semrel train --epochs 1` with the given options.
# Prints the peaks (GNU time's maximum resident size) as multiples of the features' bytes, the
# epoch and its evaluation from the run's JSON, and the rest of the wall time (load, setup,
# writing). Run it under /work/tools/cpu on a shared machine; OPENBLAS_CORETYPE is left as the
# caller's shell has it. The datasets of docs/BENCHMARKS.md ("Memory and setup at scale"):
#   semrel synth --classes 100 --unseen 20 --val 10 --samples 1600 --test-seen 0 \
#                --features 2048 --attributes 85 -o 160k.h5          # then: 160k.h5 --preset awa2
#   semrel synth --classes 20000 --unseen 2000 --val 1800 --samples 3 --test-seen 0.34 \
#                --features 512 --attributes 102 -o 20k.h5            # then: 20k.h5
# Usage: tests/bench/memory_and_setup.sh SEMREL DATA.h5 [train options...]
set -eu
semrel="$1"
data="$2"
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f '%M %e' -o "$out/load" "$semrel" info "$data" > "$out/info" 2> /dev/null
/usr/bin/time -f '%M %e' -o "$out/train" "$semrel" train "$data" -o "$out/model.h5" --epochs 1 \
    --json "$@" > "$out/train.json" 2> "$out/train.err"
python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]
info = open(out + "/info").read()
samples = int(re.search(r"samples\s+(\d+) \(features of dimension (\d+)\)", info).group(1))
dim = int(re.search(r"features of dimension (\d+)", info).group(1))
features = samples * dim * 4
def peak(name):
    kb, seconds = open(out + "/" + name).read().split()[-2:]
    return int(kb) * 1024, float(seconds)
load, loadSeconds = peak("load")
train, trainSeconds = peak("train")
epoch = json.load(open(out + "/train.json"))["history"][-1]
print(f"features        {features / 1e9:.2f} GB ({samples} x {dim})")
print(f"load            {loadSeconds:.1f} s, peak {load / 1e9:.2f} GB = {load / features:.2f}x")
print(f"train, 1 epoch  {trainSeconds:.1f} s, peak {train / 1e9:.2f} GB = {train / features:.2f}x")
print(f"  epoch {epoch['seconds']:.1f} s + eval {epoch['eval_seconds']:.1f} s; "
      f"load, setup and writing {trainSeconds - epoch['seconds'] - epoch['eval_seconds']:.1f} s")
PY
