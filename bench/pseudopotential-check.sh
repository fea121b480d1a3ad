#!/usr/bin/env bash
# A lattice-free check of the pseudopotentials on compounds of them: each structure's ground state (the fast preset's
# scf, nscf and O-p PDOS, as the campaign runs it, at the structure's own lattice) at the preset's 40/320 Ry and at a
# higher cutoff (--set, default ecutwfc=60,ecutrho=480), in runs/pseudopotential-check/. Prints, per O site, the two
# runs' k-points, wall times, Davidson iterations and band gaps (a: 40/320, b: the higher cutoff) and how far the O-p
# PDOS moves as the model sees it: sigma 0.5 eV, the conduction window (-1 to 15 eV from each CBM) and the valence
# window (-20 to 15 eV from each mid-gap), MSE at mean 1 (`corehole compare`).
# Usage: bash bench/pseudopotential-check.sh [--np N] [--set NAME=VALUE,...] STRUCTURE.cif ...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
usage="usage: bash bench/pseudopotential-check.sh [--np N] [--set NAME=VALUE,...] STRUCTURE.cif ..."
. bench/ground-state-options.sh
ground_state_options "$usage" "ecutwfc=60,ecutrho=480" "$@"; structures=("${args[@]}")
fast=runs/pseudopotential-check/fast; high=runs/pseudopotential-check/$setting

compare_header
for structure in "${structures[@]}"; do
  material=$(basename "$structure" .cif)
  for folder in "$fast" "$high"; do
    extra=(); [ "$folder" = "$high" ] && extra=(--set "$setting")
    ./corehole simulate "$structure" -o "$folder" "${extra[@]}" --plan > /dev/null
    ./corehole simulate -o "$folder" --job "$material/gs" --np "$np" > "$folder/$material.log" 2>&1 || { echo "$material: ground state failed in $folder (see its log)" >&2; continue 2; }
  done
  compare_ground_states "$material" "$fast" "$high"
done
