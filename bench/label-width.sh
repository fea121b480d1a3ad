#!/usr/bin/env bash
# The label-width study: how much of a training label is the core-hole supercell's finite-size error?
# Recomputes O sites of data/campaign (supercells >= 8 Å wide, preset `fast`) in supercells >= 10 Å wide (the
# `converged` width, one k-point as in the campaign), in the campaign folder data/label-width. The ground state is the
# primitive cell's and does not depend on the supercell, so each material's finished one is copied from data/campaign
# (its stage.json says so) rather than recomputed. Sites run in the order below: narrowest 8 Å supercells first, at
# most two sites a structure, so that a stopped study has the widest spread of structures. Finished sites are not
# rerun; `--np N` sets the MPI processes; `--stop-after-minutes M` starts no site that would not finish within M minutes
# of the script's start, by a rough law fitted by eye to the campaign's sites on one core (10 min at 72 atoms, growing
# as atoms^2.5), since a single job (--job) has no estimate of its own.
# Then the table, from whatever has finished (--table-only: the table alone): every site in both folders, and the
# convergence study's fast/w10 pairs (MgO, alpha-quartz, SOD), compared as the model sees them (bench/label_width.py),
# into data/label-width/summary.tsv.
# Usage: bash bench/label-width.sh [--np N] [--stop-after-minutes M] [--table-only] [MATERIAL/site_LABEL ...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
np=1; budget=""; jobs=(); started=$(date +%s); table_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    --stop-after-minutes) budget="$2"; shift 2 ;;
    --table-only) table_only=1; shift ;;
    *) jobs+=("$1"); shift ;;
  esac
done
# 8 Å-cell width (Å) and 10 Å-cell atoms beside each: JBW 8.16/72, BIK 8.11/90, alpha-cristobalite 8.08/108,
# beta-cristobalite 8.47/84, EDI 8.37/90, ETV 8.47/84, tridymite 8.62/96, ITW 8.36/108, AHT 8.59/108,
# coesite 8.12/120, stishovite 8.35/162.
[ ${#jobs[@]} -gt 0 ] || jobs=(JBW/site_O1 BIK/site_O1 alpha-cristobalite/site_O5 beta-cristobalite/site_O1
  EDI/site_O1 ETV/site_O1 JBW/site_O2 BIK/site_O2 tridymite/site_O1 ITW/site_O1 AHT/site_O1 coesite/site_O9
  EDI/site_O2 ETV/site_O2 stishovite/site_O3)
campaign=data/campaign; out=data/label-width
for job in "${jobs[@]}"; do
  [ "$table_only" = 0 ] || break
  material="${job%%/*}"
  [ -f "$campaign/$material/plan.json" ] || { echo "label-width.sh: $campaign/$material has no plan" >&2; exit 2; }
  [ -f "$out/$job/stage.json" ] && continue
  if [ ! -f "$out/$material/plan.json" ]; then
    source=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['source'])" "$campaign/$material/plan.json")
    # Plans made from the manifest store absolute paths of the clone that made them: take the file name from there.
    [ -f "$source" ] || source=$(find data/structures -name "$(basename "$source")" | head -1)
    ./corehole simulate "$source" -o "$out" --preset fast --set supercell_width=10 --plan >/dev/null
  fi
  if [ ! -f "$out/$material/gs/stage.json" ]; then
    rm -rf "$out/$material/gs" && cp -r "$campaign/$material/gs" "$out/$material/gs"
  fi
  if [ -n "$budget" ]; then
    minutes=$(/usr/bin/python3 -c "import json,sys; print(round(10 * (json.load(open(sys.argv[1]))['supercell_atoms'] / 72) ** 2.5 / int(sys.argv[2])))" "$out/$material/plan.json" "$np")
    elapsed=$(( ($(date +%s) - started) / 60 ))
    if [ $((elapsed + minutes)) -gt "$budget" ]; then echo "label-width.sh: $job (~$minutes min) would not finish in the budget; skipped"; continue; fi
  fi
  # A failed site is recorded in its folder (failed.json) and does not stop the others.
  ./corehole simulate -o "$out" --job "$job" --np "$np" || echo "label-width.sh: $job did not finish"
done

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pairs=()
build() { ./corehole dataset build "$1" -o "$2" >/dev/null; }
build "$campaign" "$tmp/campaign.h5" && build "$out" "$tmp/wide.h5" && pairs+=("$tmp/campaign.h5" "$tmp/wide.h5")
for dir in data/convergence/*/; do
  name=$(basename "$dir")
  [ -d "$dir/fast" ] && [ -d "$dir/w10" ] || continue
  build "$dir/fast" "$tmp/$name-fast.h5" && build "$dir/w10" "$tmp/$name-w10.h5" && pairs+=("$tmp/$name-fast.h5" "$tmp/$name-w10.h5")
done
/usr/bin/python3 bench/label_width.py "$out/summary.tsv" "${pairs[@]}"
column -t -s $'\t' "$out/summary.tsv"
