#!/usr/bin/env bash
# Was it the k mesh or the DOS method? For two finished ground states of one material (say data/campaign/ACO and
# runs/ground-state-setting/nscf_k_length=32/ACO), rebuilds every O site's O-p PDOS from the projections projwfc printed (projwfc.out.gz:
# each band's |<atomic p|psi>|^2, three decimals, components above 0.001) summed with a sigma = 0.05 eV Gaussian and
# the k weights of nscf.out, then compares the two as the model sees them (sigma 0.5 eV; conduction window -1..15 eV
# from each CBM, valence window -20..15 eV from each mid-gap; MSE at mean 1, `corehole compare`). Tetrahedron ground
# states included: the printed projections do not depend on how projwfc turned them into a DOS.
# Usage: bash bench/projwfc-gaussian.sh MATERIAL_DIR_A MATERIAL_DIR_B
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ $# -eq 2 ] || { echo "usage: bash bench/projwfc-gaussian.sh MATERIAL_DIR_A MATERIAL_DIR_B" >&2; exit 2; }
out=$(mktemp -d)
mse() { ./corehole compare "$1" "$2" --sigma 0.5 --zero-a "$3" --zero-b "$4" --from "$5" --to 15 | grep -E '^│ *-?[0-9]' | awk -F'│' '{gsub(/ /, "", $6); print $6}'; }
rebuild() {   # GS_DIR ATOM(1-based) > two-column PDOS
  PYTHONPATH=bench /usr/bin/python3 - "$1" "$2" <<'PY'
import gzip, re, sys
import numpy as np
from qe_nscf import nscf_text, state_weights
gs, atom = sys.argv[1], int(sys.argv[2])
weights = state_weights(nscf_text(gs))
text = gzip.open(f"{gs}/projwfc.out.gz", "rt").read()
p_states = {int(m.group(1)) for m in re.finditer(r"state #\s*(\d+): atom\s+(\d+) \([^)]*\), wfc\s+\d+ \(l=1", text)
            if int(m.group(2)) == atom}
blocks = re.split(r"\n k = ", text)[1:]
if len(blocks) != len(weights):
    sys.exit(f"{gs}: {len(blocks)} k-points in projwfc.out, {len(weights)} in nscf.out")
energy, sigma = np.arange(-40, 40, 0.02), 0.05
dos = np.zeros_like(energy)
for w, block in zip(weights, blocks):
    for m in re.finditer(r"e\(\s*\d+\) =\s*(-?[0-9.]+) eV ====\s*\n\s*psi =(.*?)\|psi\|\^2", block, re.S):
        weight = sum(float(c) for c, n in re.findall(r"([0-9.]+)\*\[#\s*(\d+)\]", m.group(2)) if int(n) in p_states)
        dos += w * weight * np.exp(-0.5 * ((energy - float(m.group(1))) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi))
np.savetxt(sys.stdout, np.c_[energy, dos], fmt="%.4f")
PY
}
edges() { /usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(r["cbm_ev"], r["mid_gap_ev"])' "$1/gs/stage.json"; }
read -r cbm_a mid_a < <(edges "$1"); read -r cbm_b mid_b < <(edges "$2")
printf "site\tatom\tmse_conduction\tmse_valence\n"
/usr/bin/python3 -c 'import json,sys; [print(s["label"], s["atom"] + 1) for s in json.load(open(sys.argv[1]))["oxygen_sites"]]' "$1/plan.json" |
while read -r site atom; do
  rebuild "$1/gs" "$atom" > "$out/a_$site.dat"; rebuild "$2/gs" "$atom" > "$out/b_$site.dat"
  printf "%s\t%s\t%s\t%s\n" "$site" "$atom" "$(mse "$out/a_$site.dat" "$out/b_$site.dat" "$cbm_a" "$cbm_b" -1)" \
    "$(mse "$out/a_$site.dat" "$out/b_$site.dat" "$mid_a" "$mid_b" -20)"
done
rm -rf "$out"
