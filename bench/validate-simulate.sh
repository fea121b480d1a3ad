#!/usr/bin/env bash
# Checks `corehole simulate` against the reference Quantum ESPRESSO runs in shared/ (made by hand on this machine kind):
#  1. alpha-quartz in the pilot's exact 2x2x2 supercell: x and z polarisations vs shared/qe-pilot (Pearson r on
#     0-30 eV, main peak) and the ground-state gap. Runs the simulation into $QUARTZ (default bench/out/validate-quartz)
#     unless it is already there: ~5 min on 2 idle cores.
#  2. MgO in qe-seed's exact 3x3x3 primitive-cell supercell (54 atoms): x polarisation and gap vs shared/qe-seed/MgO.
#     Runs into $MGO (default bench/out/validate-mgo): ~3 min on 2 idle cores.
#  3. stishovite in qe-seed's exact 72-atom supercell (rows 2a, 2b, b+3c of its tetragonal cell; CoreHole's primitive
#     cell lists the axes as c, a, b, hence the permuted matrix): isotropic average and gap vs shared/qe-seed/stishovite.
#     Runs into $STISHOVITE (default bench/out/validate-stishovite): ~8 min on 1 idle core.
#  4. every material of shared/qe-seed that a campaign folder ($CAMPAIGN, default data/campaign) has finished:
#     isotropic average vs qe-seed's (both Cartesian trace/3) and the gap. CoreHole's supercells follow the width rule,
#     so they may differ from qe-seed's (e.g. MgO 64 vs 54 atoms): r then also measures supercell convergence.
# CoreHole plots with xgamma 0.1 eV and the references with 0.5 eV: a 0.4 eV Lorentzian is added to CoreHole's spectra
# (half-widths add). Usage: bash bench/validate-simulate.sh [--np N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shared="${SHARED:-../shared}"
quartz="${QUARTZ:-bench/out/validate-quartz}"
campaign="${CAMPAIGN:-data/campaign}"
mgo="${MGO:-bench/out/validate-mgo}"
stishovite="${STISHOVITE:-bench/out/validate-stishovite}"
np="$(nproc)"; [ "${1:-}" = "--np" ] && np="$2"

./corehole simulate data/structures/seed/alpha-quartz.cif --supercell "2 2 2" -o "$quartz" --np "$np"
site="$quartz/alpha-quartz/site_O1"
for d in x z; do
  echo "alpha-quartz, polarisation $d, CoreHole (+0.4 eV Lorentzian) vs shared/qe-pilot/corehole_2x2x2_2pj/xanes_k111_$d.dat:"
  ./corehole compare "$site/xanes_$d.dat.gz" "$shared/qe-pilot/corehole_2x2x2_2pj/xanes_k111_$d.dat" --lorentzian-a 0.4
done
python3 - "$quartz/alpha-quartz/gs/stage.json" "$shared/qe-pilot/gs_primitive/nscf.out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"alpha-quartz gap: CoreHole {r['band_gap_ev']:.3f} eV (nscf mesh of the fast preset); pilot nscf 8x8x6: see corehole inspect {sys.argv[2]}")
PY
./corehole inspect "$shared/qe-pilot/gs_primitive/nscf.out" | grep -i -E "gap|VBM|CBM" || true

./corehole simulate data/structures/seed/MgO.cif --supercell "3 3 3" -o "$mgo" --np "$np"
echo "MgO in qe-seed's 54-atom supercell, polarisation x, CoreHole (+0.4 eV Lorentzian) vs shared/qe-seed/MgO/site_O1/xanes_x.dat:"
./corehole compare "$mgo/MgO/site_O2/xanes_x.dat.gz" "$shared/qe-seed/MgO/site_O1/xanes_x.dat" --lorentzian-a 0.4

./corehole simulate data/structures/seed/stishovite.cif --supercell "0 2 0 0 0 2 3 0 1" -o "$stishovite" --np "$np"
echo "stishovite in qe-seed's 72-atom supercell, isotropic average, CoreHole (+0.4 eV Lorentzian) vs shared/qe-seed/stishovite/site_O1/xanes_avg.dat:"
./corehole compare "$stishovite/stishovite/site_O3/xanes_avg.dat.gz" "$shared/qe-seed/stishovite/site_O1/xanes_avg.dat" --curve-a avg --curve-b avg --lorentzian-a 0.4

for material in "$shared"/qe-seed/*/; do
  name=$(basename "$material")
  [ -f "$material/site_O1/xanes_avg.dat" ] || continue
  done_site=$(ls -d "$campaign/$name"/site_*/ 2>/dev/null | while read -r s; do [ -f "$s/stage.json" ] && echo "$s"; done | head -n 1)
  [ -n "$done_site" ] || { echo "$name: not finished in $campaign yet"; continue; }
  echo "$name: CoreHole $(basename "$done_site") isotropic average (+0.4 eV Lorentzian) vs qe-seed site_O1:"
  ./corehole compare "$done_site/xanes_avg.dat.gz" "$material/site_O1/xanes_avg.dat" --curve-a avg --curve-b avg --lorentzian-a 0.4
  python3 - "$campaign/$name/gs/stage.json" "$material/provenance.json" "$name" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["results"]["band_gap_ev"]
ref = json.load(open(sys.argv[2]))["gs"]["gap_eV"]
print(f"{sys.argv[3]} gap: CoreHole {ours:.3f} eV, qe-seed {ref:.3f} eV, difference {ours - ref:+.3f} eV")
PY
done
