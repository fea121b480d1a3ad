#!/usr/bin/env bash
# The convergence study behind the `converged` preset: for one O site of each material, the fast preset and variants
# raising one setting at a time, each a campaign folder data/convergence/<material>/<variant>:
#   fast            the pilot's 40/320 Ry, 1x1x1 core-hole k mesh, supercell >= 8 Å wide
#   ecut50, ecut60  50/400 and 60/480 Ry
#   k2              2x2x2 core-hole k mesh
#   w10, w12        supercells >= 10 and >= 12 Å wide
# Each variant's isotropic average is compared with the more converged variants that have run (fast with ecut60, w10,
# w12 and k2; ecut50 with ecut60; w10 with w12; k2, the other way of sampling more k-points, with w10 and w12):
# Pearson r on 0-30 eV and main-peak shift as computed (`corehole compare`), and the MSE as the model sees the two
# (sigma 0.5 eV, each aligned at its threshold, -1 to 15 eV, mean 1: the scale of the model's test MSEs), with the
# core-hole LUMO - HOMO (the threshold) and the wall time; the table goes to data/convergence/summary.tsv. Finished variants are not rerun, so the study can be
# stopped and resumed, and a table made from what is finished.
# SOD (sodalite) is the silica whose series is cheap enough to finish: its 8 Å cell has 36 atoms (10 Å: 108, 12 Å:
# 144), so the 2x2x2 mesh costs what a 288-atom cell at Γ would sample for the price of 8 small runs; alpha-quartz's
# 2x2x2 run (72 atoms x 8 k-points) needs about 3 h on one core.
# Usage: bash bench/converge.sh [--np N] [--table-only] [--variants "fast k2 ..."] [structure.cif ...]
#        (default: MgO, alpha-quartz and SOD, every variant)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
np=1; table_only=0; structures=(); variants=""
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    --table-only) table_only=1; shift ;;
    --variants) variants="$2"; shift 2 ;;
    *) structures+=("$1"); shift ;;
  esac
done
[ ${#structures[@]} -gt 0 ] || structures=(data/structures/seed/MgO.cif data/structures/seed/alpha-quartz.cif data/structures/iza/SOD.cif)
out=data/convergence
declare -A settings=(
  [fast]="" [ecut50]="ecutwfc=50,ecutrho=400" [ecut60]="ecutwfc=60,ecutrho=480"
  [k2]="core_hole_k_grid=2" [w10]="supercell_width=10" [w12]="supercell_width=12")
# Cheapest first, so that a stopped study has the most series complete.
order=(fast ecut50 ecut60 w10 k2 w12)
declare -A references=([fast]="ecut60 w10 w12 k2" [ecut50]=ecut60 [ecut60]="" [k2]="w10 w12" [w10]=w12 [w12]="")

if [ "$table_only" = 0 ]; then
  # shellcheck disable=SC2206
  [ -n "$variants" ] && run=($variants) || run=("${order[@]}")
  for variant in "${run[@]}"; do
    [ -n "${settings[$variant]+set}" ] || { echo "converge.sh: unknown variant '$variant' (${order[*]})" >&2; exit 2; }
    for structure in "${structures[@]}"; do
      name=$(basename "$structure" .cif)
      set_option=(); [ -n "${settings[$variant]}" ] && set_option=(--set "${settings[$variant]}")
      # k2, w10 and w12 change only the core-hole run: the primitive cell's ground state is the fast variant's
      # (its stage.json says so), copied rather than recomputed (SOD's took 11 min).
      gs_fast="$out/$name/fast/$name/gs"
      if [[ "$variant" =~ ^(k2|w10|w12)$ ]] && [ -f "$gs_fast/stage.json" ] && [ ! -d "$out/$name/$variant/$name/gs" ]; then
        mkdir -p "$out/$name/$variant/$name" && cp -r "$gs_fast" "$out/$name/$variant/$name/gs"
      fi
      ./corehole simulate "$structure" -o "$out/$name/$variant" --preset fast "${set_option[@]}" --np "$np"
    done
  done
fi

stage_numbers() {
  /usr/bin/python3 - "$1" <<'PY'
import json, sys
stage = json.load(open(sys.argv[1]))
r = stage["results"]
print(int(r["supercell_atoms"]), f"{r['lumo_ev'] - r['homo_ev']:.3f}", f"{stage['wall_seconds'] / 60:.1f}")
PY
}
first_site() { for s in "$1"/*/site_*/; do [ -f "$s/stage.json" ] && { echo "$s"; return; }; done; true; }
{
  printf "material\tvariant\tsupercell_atoms\tlumo_minus_homo_ev\twall_min\treference\tpearson_r\tpeak_shift_ev\tmodel_mse\n"
  for structure in "${structures[@]}"; do
    name=$(basename "$structure" .cif)
    # Each variant against every more converged variant that has run; one row with '-' when none has.
    for variant in "${order[@]}"; do
      site=$(first_site "$out/$name/$variant"); [ -n "$site" ] || continue
      refs=(); for ref in ${references[$variant]}; do [ -n "$(first_site "$out/$name/$ref")" ] && refs+=("$ref"); done
      [ ${#refs[@]} -gt 0 ] || refs=("-")
      read -r atoms gap wall < <(stage_numbers "$site/stage.json")
      for ref in "${refs[@]}"; do
        ref_site=""; [ "$ref" = "-" ] || ref_site=$(first_site "$out/$name/$ref")
        r="-"; shift_ev="-"; mse="-"
        if [ -n "$ref_site" ]; then
          line=$(./corehole compare "$ref_site/xanes_avg.dat.gz" "$site/xanes_avg.dat.gz" --curve-a avg --curve-b avg | grep -E '^│ *-?[0-9]')
          r=$(echo "$line" | awk -F'│' '{gsub(/ /, "", $2); print $2}')
          shift_ev=$(echo "$line" | awk -F'│' '{gsub(/ /, "", $5); print $5}')
          read -r _ ref_gap _ < <(stage_numbers "$ref_site/stage.json")
          mse=$(./corehole compare "$ref_site/xanes_avg.dat.gz" "$site/xanes_avg.dat.gz" --curve-a avg --curve-b avg --sigma 0.5 \
            --zero-a "$ref_gap" --zero-b "$gap" --from -1 --to 15 | grep -E '^│ *-?[0-9]' | awk -F'│' '{gsub(/ /, "", $6); print $6}')
        fi
        printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$name" "$variant" "$atoms" "$gap" "$wall" "$ref" "$r" "$shift_ev" "$mse"
      done
    done
  done
} > "$out/summary.tsv"
column -t -s $'\t' "$out/summary.tsv"
