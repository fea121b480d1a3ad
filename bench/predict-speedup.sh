#!/usr/bin/env bash
# The paper's promise measured end to end: what a material's O K edge costs with `corehole predict` (its ground state
# alone, at the `predict` preset, then the model) against `corehole simulate` (ground state and a core hole per
# inequivalent O site).
#
# The predict side always runs here, from scratch, into runs/predict-speedup/predict/NAME (--np processes, default 1,
# as the campaign's stages ran), timed from start to end of the command (build excluded).
# The simulate side, by default, is not run (it costs CPU-hours on a 2-core machine): it is the recorded wall times of
# the same material's finished stages in data/campaign (the `fast` preset, made on this machine type, one process per
# stage): the ground state plus every O site. With --live-simulate it runs `corehole simulate --preset fast` here
# instead, into runs/predict-speedup/simulate/NAME, and is timed the same way.
# The `converged` preset (10 Å supercells, 2x2x2 core-hole k mesh) has run nowhere whole, so its cost per site is
# made of measurements: the 10 Å site's recorded wall time (data/convergence/NAME/w10, else data/label-width/NAME,
# mean over its sites) times the 2x2x2/Γ site-cost factor measured in the 8 Å cell (data/convergence/NAME/k2 against
# .../fast; for a material without it, the median factor of those measured); plus the `fast` ground state.
#
# Usage: bash bench/predict-speedup.sh [--np N] [--model FILE] [--live-simulate] [STRUCTURE ...]
# Default structures: alpha-quartz and MgO (data/structures/seed) and the framework JBW (data/structures/iza, 4 O sites).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
usage="usage: bash bench/predict-speedup.sh [--np N] [--model FILE] [--live-simulate] [STRUCTURE ...]"
np=1; model=(); live=0; structures=()
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    --model) model=(--model "$2"); shift 2 ;;
    --live-simulate) live=1; shift ;;
    -*) echo "$usage" >&2; exit 2 ;;
    *) structures+=("$1"); shift ;;
  esac
done
[ ${#structures[@]} -gt 0 ] || structures=(data/structures/seed/alpha-quartz.cif data/structures/seed/MgO.cif data/structures/iza/JBW.cif)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
out=runs/predict-speedup
./corehole version > /dev/null   # build first: the timings are of the commands, not of compiling them

timed() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; predict --np $np"
printf "material\tsites\tpredict_wall_s\tsimulate_fast_s\tsimulate_source\tratio_fast\tconverged_s\tconverged_source\tratio_converged\n"
for structure in "${structures[@]}"; do
  name=$(basename "${structure%.*}")
  rm -rf "$out/predict/$name"
  predict_s=$(timed ./corehole predict "$structure" -o "$out/predict/$name" --np "$np" "${model[@]}")
  simulate_s=""
  if [ "$live" = 1 ]; then
    rm -rf "$out/simulate/$name"
    simulate_s=$(timed ./corehole simulate "$structure" -o "$out/simulate/$name" --preset fast --np "$np")
  fi
  /usr/bin/python3 - "$name" "$predict_s" "$simulate_s" <<'PY'
import glob, json, os, statistics, sys
name, predict_s, live_s = sys.argv[1], float(sys.argv[2]), sys.argv[3]

def wall(stage):
    record = json.load(open(stage))
    return record["wall_seconds"] * record.get("processes", 1)

def sites_of(folder):
    return [wall(s) for s in sorted(glob.glob(f"{folder}/site_*/stage.json"))]

plan = json.load(open(f"data/campaign/{name}/plan.json")) if os.path.exists(f"data/campaign/{name}/plan.json") else None
count = len(plan["oxygen_sites"]) if plan else len(json.load(open(f"runs/predict-speedup/predict/{name}/summary.json"))["sites"])
gs = f"data/campaign/{name}/gs/stage.json"
fast_sites = sites_of(f"data/campaign/{name}")
if live_s:
    simulate, source = float(live_s), "run here (fast)"
elif os.path.exists(gs) and len(fast_sites) == count:
    simulate, source = wall(gs) + sum(fast_sites), "data/campaign (fast, recorded)"
else:
    simulate, source = None, "not in data/campaign"

# The 2x2x2 / Γ factor of a core-hole site in the 8 Å cell, per material of the convergence study.
factors = {}
for k2 in glob.glob("data/convergence/*/k2/*/site_*/stage.json"):
    material = k2.split("/")[2]
    fast = glob.glob(f"data/convergence/{material}/fast/{material}/site_*/stage.json")
    if fast: factors[material] = wall(k2) / wall(fast[0])
wide = sites_of(f"data/convergence/{name}/w10/{name}") or sites_of(f"data/label-width/{name}")
wide_source = "data/convergence w10" if sites_of(f"data/convergence/{name}/w10/{name}") else "data/label-width"
converged, converged_source = None, "no 10 A site measured"
if wide and os.path.exists(gs):
    factor = factors.get(name, statistics.median(factors.values()))
    converged = wall(gs) + count * statistics.mean(wide) * factor
    converged_source = f"{wide_source} x k2/G {factor:.2f} ({'own' if name in factors else 'median of ' + ', '.join(sorted(factors))})"

def ratio(x): return f"{x / predict_s:.1f}" if x else "-"
def num(x): return f"{x:.0f}" if x else "-"
print(f"{name}\t{count}\t{predict_s:.0f}\t{num(simulate)}\t{source}\t{ratio(simulate)}\t{num(converged)}\t{converged_source}\t{ratio(converged)}")
PY
done
