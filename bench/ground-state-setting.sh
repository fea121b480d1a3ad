#!/usr/bin/env bash
# Does the ground-state PDOS move when one setting of it changes? The nscf is most of a framework's ground state, and
# the ground state up to half of its cost, so its mesh and threshold are worth questioning. For each material of
# data/campaign named, recomputes the ground state with the setting changed (--set NAME=VALUE, as `corehole simulate`
# takes it: nscf_k_length=16, nscf_convergence=1e-6, ...) in runs/ground-state-setting/NAME=VALUE, then compares every
# O site's O-p PDOS with the campaign's as the model sees it: sigma 0.5 eV, the conduction window (-1 to 15 eV from
# each CBM) and the valence window (-20 to 15 eV from each mid-gap), MSE at mean 1 (`corehole compare`), with the band
# gaps, irreducible k-points, the nscf's average Davidson iterations per k-point and the wall times of both.
# Usage: bash bench/ground-state-setting.sh [--np N] --set NAME=VALUE MATERIAL ...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
usage="usage: bash bench/ground-state-setting.sh [--np N] --set NAME=VALUE MATERIAL ... (materials of data/campaign with a finished ground state)"
np=1; setting=""; materials=()
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    --set) setting="$2"; shift 2 ;;
    -*) echo "$usage" >&2; exit 2 ;;
    *) materials+=("$1"); shift ;;
  esac
done
[ ${#materials[@]} -gt 0 ] && [ -n "$setting" ] || { echo "$usage" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
reference=data/campaign; out=runs/ground-state-setting/$setting
mse() { ./corehole compare "$1" "$2" --sigma 0.5 --zero-a "$3" --zero-b "$4" --from "$5" --to 15 | grep -E '^│ *-?[0-9]' | awk -F'│' '{gsub(/ /, "", $6); print $6}'; }

for material in "${materials[@]}"; do
  [ -f "$reference/$material/gs/stage.json" ] || { echo "ground-state-setting.sh: $reference/$material/gs has not finished" >&2; exit 1; }
  structure=$(find data/structures -name "$material.cif" | head -n 1)
  [ -n "$structure" ] || { echo "ground-state-setting.sh: no data/structures/**/$material.cif" >&2; exit 1; }
  # The fast preset with the setting changed; the reference is the campaign's run, whose record says what it ran
  # (its nscf threshold was 1e-8 before fast took 1e-6).
  ./corehole simulate "$structure" -o "$out" --set "$setting" --dry-run > /dev/null
  ./corehole simulate -o "$out" --job "$material/gs" --np "$np"
done

printf "material\tsite\tk_ref\tk_new\twall_ref_min\twall_new_min\tdavidson_ref\tdavidson_new\tgap_ref_ev\tgap_new_ev\tmse_conduction\tmse_valence\n"
for material in "${materials[@]}"; do
  # One line per O site: its PDOS file in each folder, then each ground state's CBM, mid-gap, gap, k-points, wall and
  # the nscf's average Davidson iterations per k-point (its last line of them: the run that was kept).
  /usr/bin/python3 - "$reference/$material" "$out/$material" <<'PY' |
import gzip, json, re, sys
folders = sys.argv[1:]
plan = json.load(open(f"{folders[0]}/plan.json"))
numbers = []
for f in folders:
    s = json.load(open(f"{f}/gs/stage.json"))
    r = s["results"]
    iterations = re.findall(r"avg # of iterations =\s*([0-9.]+)", gzip.open(f"{f}/gs/nscf.out.gz", "rt").read())
    numbers += [r["cbm_ev"], r["mid_gap_ev"], f"{r['band_gap_ev']:.3f}", int(r.get("nscf_k_points", 0)), f"{s['wall_seconds'] / 60:.1f}", iterations[-1]]
for site in plan["oxygen_sites"]:
    name = f"atm{site['atom'] + 1}_O_p.pdos.gz"
    print(site["label"], *[f"{f}/gs/pdos/{name}" for f in folders], *numbers)
PY
  while read -r site pdos_a pdos_b cbm_a mid_a gap_a k_a wall_a it_a cbm_b mid_b gap_b k_b wall_b it_b; do
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$material" "$site" "$k_a" "$k_b" "$wall_a" "$wall_b" "$it_a" "$it_b" "$gap_a" "$gap_b" \
      "$(mse "$pdos_a" "$pdos_b" "$cbm_a" "$cbm_b" -1)" "$(mse "$pdos_a" "$pdos_b" "$mid_a" "$mid_b" -20)"
  done
done
