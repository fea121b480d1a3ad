#!/usr/bin/env bash
# The MLP speed comparison in one command: CoreHole against PyTorch CPU on the same training work
# (1000 samples 160 -> 160, hidden [500], [500,500], [1000,1000,1000], batch 32, 50 epochs), at 1 and 2 threads,
# plus the machine's FMA peak and the matrix-product kernel's GFLOP/s. Usage: bash bench/run-mlp.sh [repeats]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repeats=${1:-3}

# Debian's PyTorch; it calls whatever libblas.so.3 the system provides. The system alternative here is the serial
# OpenBLAS (what Quantum ESPRESSO uses), which would leave torch's 2-thread runs with 1-thread products, so the
# threaded OpenMP build (it follows torch.set_num_threads) is unpacked privately and put first on the library path.
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch libopenblas0 >/dev/null
fi
blas_root="${TMPDIR:-/tmp}/corehole-bench-openblas"
if [ ! -d "$blas_root/usr/lib/x86_64-linux-gnu/openblas-openmp" ]; then
  mkdir -p "$blas_root"
  (cd "$blas_root" && apt-get download -qq libopenblas0-openmp 2>&1 | grep -v unsandboxed || true; dpkg-deb -x libopenblas0-openmp_*.deb .)
fi
export LD_LIBRARY_PATH="$blas_root/usr/lib/x86_64-linux-gnu/openblas-openmp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

dotnet build bench/CoreHole.Bench -c Release -v q -nologo >/dev/null
bench() { dotnet bench/CoreHole.Bench/bin/Release/net10.0/CoreHole.Bench.dll "$@"; }
torch() { /usr/bin/python3 bench/torch_mlp.py "$@"; }
# OpenMP threads that spin at barriers are fastest on an idle machine and collapse when another process holds a core;
# for each 2-thread configuration torch gets whichever wait policy a 3-epoch probe finds faster.
torch_best() {
  local hidden=$1 fastest="" best=0 policy rate
  for policy in ACTIVE PASSIVE; do
    rate=$(OMP_WAIT_POLICY=$policy torch --hidden $hidden --threads 2 --repeats 1 --epochs 3 | sed 's/.*"samples_per_s": \([0-9.]*\).*/\1/')
    if /usr/bin/python3 -c "import sys; sys.exit(not $rate > $best)"; then fastest=$policy best=$rate; fi
  done
  echo "torch 2-thread wait policy for [$hidden]: $fastest" >&2
  OMP_WAIT_POLICY=$fastest torch --hidden $hidden --threads 2 --repeats $repeats
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "busiest other processes:"; ps -eo pcpu,comm --sort=-pcpu | sed -n 2,4p
/usr/bin/python3 - <<'PY'
import re, torch
torch.mm(torch.rand(64, 64), torch.rand(64, 64))  # loads the BLAS
blas = ", ".join(sorted(set(re.findall(r"/\S*libblas\S*", open("/proc/self/maps").read())))) or "none"
info = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show()).group(1)
print(f"torch {torch.__version__}, BLAS_INFO={info} (torch.__config__.show()); libblas.so.3 loaded: {blas}")
PY

results=$(mktemp)
record() { sed "s/^/$1 /" | tee -a "$results" | cut -c1-160; } # raw lines as they come, the table at the end
bench peak | record peak
for hidden in 500 500,500 1000,1000,1000; do
  bench kernel --hidden $hidden | record kernel
  bench train --hidden $hidden --threads 1 --repeats $repeats | record "corehole one"
  torch --hidden $hidden --threads 1 --repeats $repeats | record "torch one"
  bench train --hidden $hidden --threads 2 --repeats $repeats | record "corehole one"
  torch_best $hidden | record "torch one"
  bench train --hidden $hidden --concurrent 2 --repeats $repeats | record "corehole two"
  torch --hidden $hidden --concurrent 2 --repeats $repeats | record "torch two"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$results" <<'PY'
import json, sys
rows = [line.split(" ", 2) if line.startswith(("corehole", "torch")) else line.split(" ", 1) for line in open(sys.argv[1])]
peak = next(json.loads(r[1]) for r in rows if r[0] == "peak")
print(f"\nsingle-core FMA peak (register-only loop, {peak['vector']}): {peak['gflops']:.0f} GFLOP/s")
print("matrix-product kernel, the products of one batch-32 training step, 1 thread:")
for r in rows:
    if r[0] == "kernel":
        k = json.loads(r[1])
        print(f"  hidden {k['hidden']}: {k['step_gflops']:.0f} GFLOP/s = {100 * k['step_gflops'] / peak['gflops']:.0f}% of peak")
runs = {(r[0], r[1], tuple(json.loads(r[2])["hidden"]), json.loads(r[2])["threads"]): json.loads(r[2]) for r in rows if len(r) == 3}
print("\ntraining throughput in samples/s, median of repeats (best repeat in brackets: on a loaded machine the")
print("best is the least disturbed); CoreHole GFLOP/s = useful multiply-adds of the median run / wall time")
print(f"  {'hidden':<18} {'threads':<22} {'CoreHole':>17} {'PyTorch':>17} {'ratio':>12}  {'GFLOP/s':>7}")
def best(run):
    return run["trainings"] * 1000 * 50 / min(run["seconds"])  # samples x epochs per training
for (engine, mode, hidden, threads), ours in runs.items():
    if engine != "corehole":
        continue
    theirs = runs[("torch", mode, hidden, threads)]
    label = f"{threads}, one training" if mode == "one" else f"{threads}, {threads} trainings"
    print(f"  {str(list(hidden)):<18} {label:<22} {ours['samples_per_s']:>7.0f} ({best(ours):>7.0f}) "
          f"{theirs['samples_per_s']:>7.0f} ({best(theirs):>7.0f}) {ours['samples_per_s'] / theirs['samples_per_s']:>4.1f}x "
          f"({best(ours) / best(theirs):>4.1f}x)  {ours['model_gflops']:>7.0f}")
PY
rm -f "$results"
