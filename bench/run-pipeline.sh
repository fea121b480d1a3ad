#!/usr/bin/env bash
# The learning pipeline's two measurements in one command (numbers in docs/learning.md):
#  1. the paper's full search, 108 combinations x 5 folds with early stopping, on 1000 synthetic sites, all cores
#     (CoreHole prints the total FLOPs and the sustained GFLOP/s);
#  2. prediction throughput from preprocessed input (spectra/s) for the search's best model and two fixed shapes.
# Usage: bash bench/run-pipeline.sh [work folder]   (default: a new temporary folder)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "busiest other processes:"; ps -eo pcpu,comm --sort=-pcpu | sed -n 2,4p

./corehole dataset synthetic --sites 1000 --seed 1 -o "$work/synthetic-1000.h5"
start=$(date +%s)
nice -n 10 ./corehole train "$work/synthetic-1000.h5" -o "$work/search" --search --jobs "$(nproc)" > "$work/search.log"
echo "full search wall time: $(( $(date +%s) - start )) s (log: $work/search.log)"
grep -E "^(search|best|trained|validation)" "$work/search.log"
echo "load after the search: $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet build bench/CoreHole.PipelineBench -c Release -v q -nologo >/dev/null
predict() { nice -n 10 dotnet bench/CoreHole.PipelineBench/bin/Release/net10.0/CoreHole.PipelineBench.dll "$@"; }
predict "$work/search/model.chmlp"
predict --hidden 256,256
predict --hidden 1024,1024,1024 --rows 20000
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
