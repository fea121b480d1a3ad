#!/usr/bin/env bash
# Does the core-hole scf need its conv_thr of 1e-7 Ry? Its last iterations are a third of its CPU time (MgO at 10 Å:
# 1e-5 is reached after 2470 of 3640 CPU seconds). For each finished site of CAMPAIGN named, reruns the material with
# `--set core_hole_convergence=THRESHOLD` in runs/core-hole-convergence/THRESHOLD (its ground state again: cheap) and
# compares each site's isotropic spectrum with the campaign's as the model sees spectra (sigma 0.5 eV, each aligned at
# its own threshold, -1 to 15 eV, mean 1: `corehole compare`'s MSE), with the scf iterations, the scf's CPU seconds
# (QE's own timer) and the change of the threshold (core-hole LUMO - HOMO).
# Usage: bash bench/core-hole-convergence.sh [--np N] CAMPAIGN THRESHOLD MATERIAL...
#   e.g. bash bench/core-hole-convergence.sh data/oxides 1e-5 BaO-rocksalt GeO2-quartz
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
np=1
[ "${1:-}" = "--np" ] && { np="$2"; shift 2; }
[ $# -ge 3 ] || { echo "usage: bash bench/core-hole-convergence.sh [--np N] CAMPAIGN THRESHOLD MATERIAL..." >&2; exit 2; }
campaign="$1"; threshold="$2"; shift 2
out="runs/core-hole-convergence/$threshold"
mkdir -p "$out"
. bench/ground-state-options.sh   # the MPI environment and mse(), the comparison as the model sees curves
for material in "$@"; do
  [ -f "$campaign/$material/structure.cif" ] || { echo "$campaign/$material/structure.cif: no such material in the campaign" >&2; exit 2; }
  cp "$campaign/$material/structure.cif" "$out/$material.cif"
  ./corehole simulate "$out/$material.cif" -o "$out" --np "$np" --set "core_hole_convergence=$threshold" > "$out/$material.log" 2>&1
done

field() { /usr/bin/python3 -c "import json, sys; r = json.load(open(sys.argv[1]))['results']; print(r['lumo_ev'] - r['homo_ev'])" "$1"; }
# QE's "estimated scf accuracy" lines count the iterations; its last "total cpu time" is the scf's CPU seconds.
scf() { zcat "$1" | awk '/estimated scf accuracy/ { n++ } /total cpu time spent/ { t = $9 } END { printf "%d\t%.0f", n, t }'; }
printf "site\tthreshold\titerations_1e-7\tcpu_s_1e-7\titerations_%s\tcpu_s_%s\tthreshold_change_eV\tmse\n" "$threshold" "$threshold"
for material in "$@"; do
  for stage in "$out/$material"/site_*/; do
    site=$(basename "$stage"); reference="$campaign/$material/$site"
    [ -f "$stage/stage.json" ] && [ -f "$reference/stage.json" ] || continue
    a=$(field "$reference/stage.json"); b=$(field "$stage/stage.json")
    zcat "$reference/xanes_avg.dat.gz" > "$out/a.dat"; zcat "$stage/xanes_avg.dat.gz" > "$out/b.dat"
    mse=$(mse "$out/a.dat" "$out/b.dat" "$a" "$b" -1)
    printf "%s/%s\t%s\t%s\t%s\t%.3f\t%s\n" "$material" "$site" "$threshold" "$(scf "$reference/scf.out.gz")" "$(scf "$stage/scf.out.gz")" \
      "$(/usr/bin/python3 -c "print($b - $a)")" "$mse"
  done
done
