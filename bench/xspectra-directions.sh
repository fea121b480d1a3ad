#!/usr/bin/env bash
# Whether a cubic O site needs xspectra's three polarisations, measured on finished sites without rerunning DFT. In
# the crystal, an O site of cubic symmetry (rock salt, antifluorite, fluorite) absorbs the same for every direction, so
# one xspectra run would do instead of three (a third of the site's xspectra time). In the supercell at Γ that the
# campaign computes, it does not: the supercell's shape breaks the cubic symmetry. This prints each direction's
# spectrum against their average, as the model sees spectra (`corehole compare`: σ 0.5 eV, aligned at the core-hole
# LUMO, -1 to 15 eV, MSE at mean 1); one direction can replace the average only where all three are well below the
# model's error. The direction-to-average spread is also a lower bound on the label's own finite-size error.
# Usage: bash bench/xspectra-directions.sh [campaign folder, default data/oxides] [MATERIAL ...]
#        (default: the rock salts, antifluorites and cubic fluorites of the folder with a finished site)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
folder=${1:-data/oxides}; shift || true
materials=("$@")
if [ ${#materials[@]} -eq 0 ]; then
  for m in "$folder"/*-rocksalt "$folder"/*-antifluorite "$folder"/*O2-cubic; do [ -d "$m" ] && materials+=("$(basename "$m")"); done
fi
./corehole version > /dev/null   # build once, before the loop
printf 'site\tMSE x\tMSE y\tMSE z (each direction against the average)\n'
for m in "${materials[@]}"; do
  for site in "$folder/$m"/site_*/; do
    [ -f "$site/stage.json" ] || continue
    lumo=$(/usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(r['lumo_ev'] - r['homo_ev'])" "$site/stage.json")
    row="$m/$(basename "$site")"
    for d in x y z; do
      mse=$(./corehole compare "$site/xanes_avg.dat.gz" "$site/xanes_avg.dat.gz" --curve-a "$d" --curve-b avg --sigma 0.5 \
              --zero-a "$lumo" --zero-b "$lumo" --from -1 --to 15 | tail -n 1 | awk '{ print $NF }')
      row+=$'\t'"$mse"
    done
    printf '%s\n' "$row"
  done
done
