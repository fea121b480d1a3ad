#!/usr/bin/env bash
# A lattice-free check of the pseudopotentials on compounds of them: each structure's ground state (the fast preset's
# scf, nscf and O-p PDOS, as the campaign runs it, at the structure's own lattice) at the preset's 40/320 Ry and at a
# higher cutoff (--set, default ecutwfc=60,ecutrho=480), in runs/pseudopotential-check/. Prints the band gaps and how
# far the O-p PDOS moves as the model sees it: sigma 0.5 eV, the conduction window (-1 to 15 eV from each CBM) and the
# valence window (-20 to 15 eV from each mid-gap), MSE at mean 1 (`corehole compare`), per O site, with wall times.
# Usage: bash bench/pseudopotential-check.sh [--np N] [--set NAME=VALUE,...] STRUCTURE.cif ...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
usage="usage: bash bench/pseudopotential-check.sh [--np N] [--set NAME=VALUE,...] STRUCTURE.cif ..."
np=1; setting="ecutwfc=60,ecutrho=480"; structures=()
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    --set) setting="$2"; shift 2 ;;
    -*) echo "$usage" >&2; exit 2 ;;
    *) structures+=("$1"); shift ;;
  esac
done
[ ${#structures[@]} -gt 0 ] || { echo "$usage" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
fast=runs/pseudopotential-check/fast; high=runs/pseudopotential-check/$setting
mse() { ./corehole compare "$1" "$2" --sigma 0.5 --zero-a "$3" --zero-b "$4" --from "$5" --to 15 | grep -E '^│ *-?[0-9]' | awk -F'│' '{gsub(/ /, "", $6); print $6}'; }

printf "material\tsite\tgap_40_ev\tgap_high_ev\twall_40_min\twall_high_min\tmse_conduction\tmse_valence\n"
for structure in "${structures[@]}"; do
  material=$(basename "$structure" .cif)
  for folder in "$fast" "$high"; do
    extra=(); [ "$folder" = "$high" ] && extra=(--set "$setting")
    ./corehole simulate "$structure" -o "$folder" "${extra[@]}" --dry-run > /dev/null
    ./corehole simulate -o "$folder" --job "$material/gs" --np "$np" > "$folder/$material.log" 2>&1 || { echo "$material: ground state failed in $folder (see its log)" >&2; continue 2; }
  done
  /usr/bin/python3 - "$fast/$material" "$high/$material" <<'PY' |
import json, sys
folders = sys.argv[1:]
plan = json.load(open(f"{folders[0]}/plan.json"))
numbers = []
for f in folders:
    s = json.load(open(f"{f}/gs/stage.json"))
    r = s["results"]
    numbers += [r["cbm_ev"], r["mid_gap_ev"], f"{r['band_gap_ev']:.3f}", f"{s['wall_seconds'] / 60:.1f}"]
for site in plan["oxygen_sites"]:
    name = f"atm{site['atom'] + 1}_O_p.pdos.gz"
    print(site["label"], *[f"{f}/gs/pdos/{name}" for f in folders], *numbers)
PY
  while read -r site pdos_a pdos_b cbm_a mid_a gap_a wall_a cbm_b mid_b gap_b wall_b; do
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$material" "$site" "$gap_a" "$gap_b" "$wall_a" "$wall_b" \
      "$(mse "$pdos_a" "$pdos_b" "$cbm_a" "$cbm_b" -1)" "$(mse "$pdos_a" "$pdos_b" "$mid_a" "$mid_b" -20)"
  done
done
