#!/usr/bin/env bash
# The paper's promise measured end to end: what a material's O K edge costs with `corehole predict` (its ground state
# alone, at the `predict` preset, then the model) against `corehole simulate` (ground state and a core hole per
# inequivalent O site).
#
# The predict side always runs here, from scratch, into runs/predict-speedup/predict/NAME (--np processes, default 1,
# as the campaign's stages ran). Its cost is what its records say, as for the simulate side: the ground-state stage's
# wall time x processes plus the prediction (summary.json); beside it the command's own wall time (build excluded)
# and the CPU time Quantum ESPRESSO reports for its runs (pw.x, projwfc.x: "CPU" in their outputs), which a loaded
# machine inflates less than the wall time.
# The simulate side, by default, is not run (it costs CPU-hours on a 2-core machine): it is the recorded wall times of
# the same material's finished stages in data/campaign (the `fast` preset, made on this machine type, one process per
# stage): the ground state plus every O site. With --live-simulate it runs `corehole simulate --preset fast` here
# instead, into runs/predict-speedup/simulate/NAME, and its stage records are summed the same way.
# The `converged` preset (10 Å supercells, 2x2x2 core-hole k mesh) has run nowhere whole, so its cost per site is
# made of measurements: the 10 Å site's recorded wall time (data/convergence/NAME/w10, else data/label-width/NAME,
# mean over its sites; for a material with neither, its 8 Å sites times the median 10 Å / 8 Å factor of the sites
# measured at both) times the 2x2x2/Γ site-cost factor measured in the 8 Å cell (data/convergence/NAME/k2 against
# .../fast; for a material without it, the median factor of those measured); plus the `fast` ground state.
# --table-only prints the table from the runs already made.
#
# Usage: bash bench/predict-speedup.sh [--np N] [--model FILE] [--live-simulate] [--table-only] [STRUCTURE ...]
# Default structures: alpha-quartz and MgO (data/structures/seed) and tridymite (data/structures/polymorphs; a framework
# of corner-sharing tetrahedra with two O sites, x2 and x6, whose 10 Å sites were measured in data/label-width).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
usage="usage: bash bench/predict-speedup.sh [--np N] [--model FILE] [--live-simulate] [--table-only] [STRUCTURE ...]"
np=1; model=(); live=0; run=1; structures=()
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    --model) model=(--model "$2"); shift 2 ;;
    --live-simulate) live=1; shift ;;
    --table-only) run=0; shift ;;
    -*) echo "$usage" >&2; exit 2 ;;
    *) structures+=("$1"); shift ;;
  esac
done
[ ${#structures[@]} -gt 0 ] || structures=(data/structures/seed/alpha-quartz.cif data/structures/seed/MgO.cif data/structures/polymorphs/tridymite.cif)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
out=runs/predict-speedup
[ "$run" = 0 ] || ./corehole version > /dev/null   # build first: the timings are of the commands, not of compiling them

timed() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores"
printf "material\tsites\tpredict_s\tpredict_command_s\tpredict_qe_cpu_s\tsimulate_fast_s\tsimulate_source\tratio_fast\tratio_fast_cpu\tconverged_s\tconverged_source\tratio_converged\tratio_converged_cpu\n"
for structure in "${structures[@]}"; do
  name=$(basename "${structure%.*}")
  if [ "$run" = 1 ]; then
    rm -rf "$out/predict/$name"
    timed ./corehole predict "$structure" -o "$out/predict/$name" --np "$np" "${model[@]}" > "$out/predict/$name.wall"
    if [ "$live" = 1 ]; then
      rm -rf "$out/simulate/$name"
      ./corehole simulate "$structure" -o "$out/simulate/$name" --preset fast --np "$np" > /dev/null
    fi
  fi
  /usr/bin/python3 - "$name" "$out" <<'PY'
import glob, gzip, json, os, re, statistics, sys
name, out = sys.argv[1], sys.argv[2]

def wall(stage):
    record = json.load(open(stage))
    return record["wall_seconds"] * record.get("processes", 1)

def sites_of(folder):
    return [wall(s) for s in sorted(glob.glob(f"{folder}/site_*/stage.json"))]

def qe_cpu(stage_folder):
    """CPU seconds Quantum ESPRESSO reports at the end of each kept output ("PWSCF : 1m 7.09s CPU 1m11.48s WALL")."""
    total = 0.0
    for path in glob.glob(f"{stage_folder}/*.out.gz"):
        lines = [l for l in gzip.open(path, "rt") if re.match(r"\s*(PWSCF|PROJWFC)\s*:", l)]
        if lines:
            cpu = lines[-1].split(":", 1)[1].split("CPU")[0]
            total += sum(float(v) * {"h": 3600, "m": 60, "s": 1}[u] for v, u in re.findall(r"([0-9.]+)([hms])", cpu))
    return total

summary = json.load(open(f"{out}/predict/{name}/summary.json"))
count = len(summary["sites"])
predict = summary["ground_state"]["wall_seconds"] * summary["ground_state"]["processes"] + summary["predict_seconds"]
command = open(f"{out}/predict/{name}.wall").read().strip() if os.path.exists(f"{out}/predict/{name}.wall") else ""
cpu = qe_cpu(summary["ground_state"]["source"]) + summary["predict_seconds"]

gs = f"data/campaign/{name}/gs/stage.json"
fast_sites = sites_of(f"data/campaign/{name}")
live = f"{out}/simulate/{name}/{name}"
if os.path.exists(f"{live}/gs/stage.json"):
    simulate, source = wall(f"{live}/gs/stage.json") + sum(sites_of(live)), "run here (fast)"
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
# The 10 Å / 8 Å factor of a core-hole site, for every site measured in both (convergence w10 against fast; label-width
# against data/campaign, site by site).
widths = [wall(w) / wall(w.replace("/w10/", "/fast/")) for w in glob.glob("data/convergence/*/w10/*/site_*/stage.json")
          if os.path.exists(w.replace("/w10/", "/fast/"))]
widths += [wall(w) / wall(w.replace("data/label-width/", "data/campaign/")) for w in glob.glob("data/label-width/*/site_*/stage.json")
           if os.path.exists(w.replace("data/label-width/", "data/campaign/"))]
own = sites_of(f"data/convergence/{name}/w10/{name}")
wide, wide_source = (own, "convergence w10") if own else (sites_of(f"data/label-width/{name}"), "label-width")
if not wide and fast_sites:
    # No 10 Å site of this material yet: its 8 Å sites times the median 10/8 Å factor.
    wide, wide_source = [statistics.mean(fast_sites) * statistics.median(widths)], f"fast x 10/8A {statistics.median(widths):.2f} (median of {len(widths)})"
converged, converged_source = None, "no site measured"
if wide and os.path.exists(gs):
    factor = factors.get(name, statistics.median(factors.values()))
    converged = wall(gs) + count * statistics.mean(wide) * factor
    converged_source = f"{wide_source} x k2/G {factor:.2f} ({'own' if name in factors else 'median'})"

def ratio(x, y): return f"{x / y:.1f}" if x else "-"
def num(x): return f"{x:.0f}" if x else "-"
print(f"{name}\t{count}\t{predict:.0f}\t{num(float(command)) if command else '-'}\t{cpu:.0f}\t{num(simulate)}\t{source}\t{ratio(simulate, predict)}\t{ratio(simulate, cpu)}"
      f"\t{num(converged)}\t{converged_source}\t{ratio(converged, predict)}\t{ratio(converged, cpu)}")
PY
done
