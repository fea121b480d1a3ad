#!/usr/bin/env bash
# Does each ground state's DOS hold its occupied states? For every finished ground state of a campaign folder,
# integrates projwfc's total DOS (pdos/pdos_tot.dat.gz) up to mid-gap and divides it by the occupied states inside
# projwfc's energy window (two per band and k-point, weighted as pw.x weights its k-points, from nscf.out), so that
# semicore levels below the window (Li 1s, Sr 4s4p, Ti 3s3p) do not count. 1.000 is exact. The method column says how
# projwfc made the DOS: the narrow Gaussian (degauss in projwfc.in) or the tetrahedra of the nscf.
# Usage: bash bench/pdos-sum-rule.sh [CAMPAIGN_DIR (default data/campaign)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
folder="${1:-data/campaign}"
[ -d "$folder" ] || { echo "pdos-sum-rule.sh: no folder $folder" >&2; exit 2; }
PYTHONPATH=bench /usr/bin/python3 - "$folder" <<'PY'
import glob, gzip, json, re, sys
import numpy as np
from qe_nscf import nscf_text, state_weights
print("material\tmethod\tk_points\tstates_in_window\tdos_integral\tratio")
for stage in sorted(glob.glob(f"{sys.argv[1]}/*/gs/stage.json")):
    gs = stage[: -len("/stage.json")]
    results = json.load(open(stage))["results"]
    projwfc_in = open(f"{gs}/projwfc.in").read()
    method = "gaussian" if "degauss" in projwfc_in else "tetrahedra"
    emin = float(re.search(r"Emin = (-?[0-9.]+)", projwfc_in).group(1))
    nscf = nscf_text(gs)
    weights = state_weights(nscf)
    blocks = re.findall(r"k =[^\n]*bands \(ev\):\s*\n(.*?)(?:\n\s*\n\s*occupation numbers|\n\s*\n\s*(?=k =|highest|the Fermi))", nscf, re.S)
    mid = results["mid_gap_ev"]
    states = 0.0
    for w, block in zip(weights, blocks):
        energies = np.array([float(x) for x in re.findall(r"-?\d+\.\d+", block)])
        states += w * np.count_nonzero((energies > emin + 1) & (energies < mid))
    dos = np.array([[float(x) for x in line.split()[:2]] for line in gzip.open(f"{gs}/pdos/pdos_tot.dat.gz", "rt")
                    if line.strip() and not line.lstrip().startswith("#")])
    below = dos[:, 0] <= mid
    integral = np.trapz(dos[below, 1], dos[below, 0])
    material = gs.split("/")[-2]
    print(f"{material}\t{method}\t{len(weights)}\t{states:.2f}\t{integral:.2f}\t{integral / states:.3f}")
PY
