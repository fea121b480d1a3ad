#!/usr/bin/env bash
# How many Lanczos steps xspectra needs, measured on the committed sites without rerunning DFT: each stage keeps its
# Lanczos coefficients (xanes_{x,y,z}.sav.gz); this cuts them to N steps, has xspectra.x replot them (xonly_plot,
# same terminator, xgamma and grid as the campaign) and compares with all the steps the run made, as the model sees
# spectra: sigma 0.5 eV, aligned at the threshold (core-hole LUMO), -1 to 15 eV, mean 1 (`corehole compare`, MSE column).
# cut_occ_states needs the wavefunctions, which are not kept, so both sides are replotted without it: the comparison
# isolates the truncation. Runs whose recursion converged in N steps or fewer are the same at N by construction.
# Usage: bash bench/lanczos-iterations.sh [campaign folder, default data/campaign] [N ...] (default 500 400 300 250 200)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
folder=${1:-data/campaign}; shift || true
steps=("$@"); [ ${#steps[@]} -gt 0 ] || steps=(500 400 300 250 200)
command -v xspectra.x > /dev/null || { echo "xspectra.x not found: apt-get install quantum-espresso" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat > "$work/plot.in" <<'IN'
 &input_xspectra
    calculation = 'xanes_dipole', prefix = 'ch', outdir = './tmp/', xonly_plot = .true., x_save_file = 'in.sav', xiabs = 1,
 /
 &plot
    xnepoint = 1600, xgamma = 0.1, xemin = -10.0, xemax = 30.0, terminator = .true., cut_occ_states = .false.,
 /
 &pseudos
    filecore = 'O.wfc', r_paw(1) = 1.6,
 /
 &cut_occ
    cut_desmooth = 0.1,
 /
1 1 1 0 0 0
IN
# A version-2 save file of one k-point: line 9 the steps made, line 14 that count again, lines 15-16 the a and b
# coefficients. Cut to N (no-op when the run stopped earlier).
truncate() {
  /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import sys
src, n, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = open(src).read().split("\n")
if int(lines[3].split("=")[1]) != 1 or int(lines[6].split()[1]) != 1:
    sys.exit(f"{src}: more than one Lanczos run or k-point; this script reads single-k-point save files")
made = int(lines[8])
n = min(n, made)
lines[8] = f"{n:12d}"; lines[13] = f"{n:12d}"
for k in (14, 15):
    lines[k] = "  ".join(lines[k].split()[:n])
open(dst, "w").write("\n".join(lines))
print(made)
PY
}
# xspectra.x 6.7 segfaults after writing xanes.dat in xonly_plot mode; the file is complete (1600 points).
replot() {
  (cd "$work" && rm -f xanes.dat && xspectra.x -in plot.in > plot.out 2>&1) 2> /dev/null || true
  [ "$(grep -vc '^#' "$work/xanes.dat" 2> /dev/null)" = 1600 ] || { echo "xspectra.x replot failed in $work" >&2; exit 1; }
}
mse() { ./corehole compare "$1" "$2" --sigma 0.5 --zero-a "$3" --zero-b "$3" --from -1 --to 15 | tail -n 1 | awk '{ print $NF }'; }

printf "site\tpolarisation\tsteps_made"; printf "\tmse_at_%s" "${steps[@]}"; printf "\n"
for stage in "$folder"/*/site_*/; do
  [ -f "$stage/stage.json" ] || continue
  # xanes.dat puts 0 at the core-hole HOMO (its Fermi level): the threshold is LUMO - HOMO on that scale.
  threshold=$(/usr/bin/python3 -c "import json, sys; r = json.load(open(sys.argv[1]))['results']; print(r['lumo_ev'] - r['homo_ev'])" "$stage/stage.json")
  for pol in x y z; do
    zcat "$stage/xanes_$pol.sav.gz" > "$work/full.sav"
    made=$(truncate "$work/full.sav" 100000 "$work/in.sav"); replot; cp "$work/xanes.dat" "$work/all.dat"
    printf "%s\t%s\t%s" "$(basename "$(dirname "$stage")")/$(basename "$stage")" "$pol" "$made"
    for n in "${steps[@]}"; do
      truncate "$work/full.sav" "$n" "$work/in.sav" > /dev/null; replot
      printf "\t%s" "$(mse "$work/all.dat" "$work/xanes.dat" "$threshold")"
    done
    printf "\n"
  done
done
