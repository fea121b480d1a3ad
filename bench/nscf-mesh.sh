#!/usr/bin/env bash
# Does the ground-state PDOS need the fast preset's 24 Å nscf mesh? The nscf is most of a framework's ground state
# (ATN: 33 of 40 min), and the ground state is up to half of a framework's cost. For each material of data/campaign
# named, recomputes the ground state with a coarser nscf mesh (--set nscf_k_length=L) in runs/nscf-mesh/L, then
# compares every O site's O-p PDOS with the campaign's as the model sees it: sigma 0.5 eV, the conduction window
# (-1 to 15 eV from each CBM) and the valence window (-20 to 15 eV from each mid-gap), MSE at mean 1
# (`corehole compare`), with the band gaps, irreducible k-points and wall times of both.
# Usage: bash bench/nscf-mesh.sh [--np N] [--length L (default 16)] MATERIAL ...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
np=1; length=16; materials=()
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    --length) length="$2"; shift 2 ;;
    -*) echo "usage: bash bench/nscf-mesh.sh [--np N] [--length L] MATERIAL ..." >&2; exit 2 ;;
    *) materials+=("$1"); shift ;;
  esac
done
[ ${#materials[@]} -gt 0 ] || { echo "usage: bash bench/nscf-mesh.sh [--np N] [--length L] MATERIAL ... (materials of data/campaign with a finished ground state)" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
reference=data/campaign; out=runs/nscf-mesh/$length
mse() { ./corehole compare "$1" "$2" --sigma 0.5 --zero-a "$3" --zero-b "$4" --from "$5" --to 15 | grep -E '^│ *-?[0-9]' | awk -F'│' '{gsub(/ /, "", $6); print $6}'; }

for material in "${materials[@]}"; do
  [ -f "$reference/$material/gs/stage.json" ] || { echo "nscf-mesh.sh: $reference/$material/gs has not finished" >&2; exit 1; }
  structure=$(find data/structures -name "$material.cif" | head -n 1)
  [ -n "$structure" ] || { echo "nscf-mesh.sh: no data/structures/**/$material.cif" >&2; exit 1; }
  ./corehole simulate "$structure" -o "$out" --set "nscf_k_length=$length" --dry-run > /dev/null
  ./corehole simulate -o "$out" --job "$material/gs" --np "$np"
done

printf "material\tsite\tk_24\tk_%s\twall_24_min\twall_%s_min\tgap_24_ev\tgap_%s_ev\tmse_conduction\tmse_valence\n" "$length" "$length" "$length"
for material in "${materials[@]}"; do
  # One line per O site: its PDOS file in each folder, then each ground state's CBM, mid-gap, gap, k-points and wall.
  /usr/bin/python3 - "$reference/$material" "$out/$material" <<'PY' |
import json, sys
folders = sys.argv[1:]
plan = json.load(open(f"{folders[0]}/plan.json"))
stages = [json.load(open(f"{f}/gs/stage.json")) for f in folders]
numbers = []
for s in stages:
    r = s["results"]
    numbers += [r["cbm_ev"], r["mid_gap_ev"], f"{r['band_gap_ev']:.3f}", int(r.get("nscf_k_points", 0)), f"{s['wall_seconds'] / 60:.1f}"]
for site in plan["oxygen_sites"]:
    name = f"atm{site['atom'] + 1}_O_p.pdos.gz"
    print(site["label"], *[f"{f}/gs/pdos/{name}" for f in folders], *numbers)
PY
  while read -r site pdos_a pdos_b cbm_a mid_a gap_a k_a wall_a cbm_b mid_b gap_b k_b wall_b; do
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$material" "$site" "$k_a" "$k_b" "$wall_a" "$wall_b" "$gap_a" "$gap_b" \
      "$(mse "$pdos_a" "$pdos_b" "$cbm_a" "$cbm_b" -1)" "$(mse "$pdos_a" "$pdos_b" "$mid_a" "$mid_b" -20)"
  done
done
