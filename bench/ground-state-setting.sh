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
. bench/ground-state-options.sh
ground_state_options "$usage" "" "$@"; materials=("${args[@]}")
reference=data/campaign; out=runs/ground-state-setting/$setting

for material in "${materials[@]}"; do
  [ -f "$reference/$material/gs/stage.json" ] || { echo "ground-state-setting.sh: $reference/$material/gs has not finished" >&2; exit 1; }
  structure=$(find data/structures -name "$material.cif" | head -n 1)
  [ -n "$structure" ] || { echo "ground-state-setting.sh: no data/structures/**/$material.cif" >&2; exit 1; }
  # The fast preset with the setting changed; the reference is the campaign's run, whose record says what it ran
  # (its nscf threshold was 1e-8 before fast took 1e-6).
  ./corehole simulate "$structure" -o "$out" --preset fast --set "$setting" --plan > /dev/null
  ./corehole simulate -o "$out" --job "$material/gs" --np "$np"
done

compare_header
for material in "${materials[@]}"; do compare_ground_states "$material" "$reference" "$out"; done
