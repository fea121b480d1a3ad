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
#  4. alpha-Al2O3 in qe-seed's exact 80-atom supercell: its matrix [[2,0,0],[-2,2,0],[-2,0,2]] of the rhombohedral
#     cell is the lattice doubled, so "2 2 2" of any primitive basis; isotropic average and gap vs shared/qe-seed.
#     Runs into $AL2O3 (default bench/out/validate-al2o3).
#  5. every material of shared/qe-seed that a campaign folder ($CAMPAIGN, default data/campaign) has finished:
#     isotropic average vs qe-seed's (both Cartesian trace/3) and the gap. CoreHole's supercells follow the width rule,
#     so they may differ from qe-seed's (e.g. MgO 64 vs 54 atoms): r then also measures supercell convergence.
# CoreHole plots with xgamma 0.1 eV and the references with 0.5 eV: a 0.4 eV Lorentzian is added to CoreHole's spectra
# (half-widths add). Each comparison also prints the MSE as the model sees the two (that Lorentzian, then sigma 0.5 eV,
# aligned at each threshold, -1 to 15 eV, mean 1).
# Usage: bash bench/validate-simulate.sh [--np N] [quartz] [mgo] [stishovite] [al2o3] [campaign]   (none: all five)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shared="${SHARED:-../shared}"
quartz="${QUARTZ:-bench/out/validate-quartz}"
campaign="${CAMPAIGN:-data/campaign}"
mgo="${MGO:-bench/out/validate-mgo}"
stishovite="${STISHOVITE:-bench/out/validate-stishovite}"
al2o3="${AL2O3:-bench/out/validate-al2o3}"
np="$(nproc)"; checks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    quartz|mgo|stishovite|al2o3|campaign) checks+=("$1"); shift ;;
    *) echo "usage: bash bench/validate-simulate.sh [--np N] [quartz] [mgo] [stishovite] [al2o3] [campaign]" >&2; exit 2 ;;
  esac
done
[ ${#checks[@]} -gt 0 ] || checks=(quartz mgo stishovite al2o3 campaign)

# The threshold of a core-hole site: LUMO - HOMO of its scf (the xanes energy zero is the HOMO).
threshold() { python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"]; print(r["lumo_ev"] - r["homo_ev"])' "$1/stage.json"; }
seed_threshold() { ./corehole inspect "$1/scf.out" | awk -F'│' '$2 ~ /threshold/ {split($3, a, " "); print a[1]}'; }
# Isotropic average of a CoreHole site against a qe-seed site: as computed (+0.4 eV Lorentzian) and as the model sees them.
compare_average() {
  ./corehole compare "$1/xanes_avg.dat.gz" "$2/xanes_avg.dat" --curve-a avg --curve-b avg --lorentzian-a 0.4
  echo "  as the model sees them (sigma 0.5 eV, each at its threshold, -1 to 15 eV):"
  ./corehole compare "$1/xanes_avg.dat.gz" "$2/xanes_avg.dat" --curve-a avg --curve-b avg --lorentzian-a 0.4 --sigma 0.5 \
    --zero-a "$(threshold "$1")" --zero-b "$(seed_threshold "$2")" --from -1 --to 15 | grep -E '^│ *-?[0-9]'
}
gap_against_seed() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["results"]["band_gap_ev"]
ref = json.load(open(sys.argv[2]))["gs"]["gap_eV"]
print(f"{sys.argv[3]} gap: CoreHole {ours:.3f} eV, qe-seed {ref:.3f} eV, difference {ours - ref:+.3f} eV")
PY
}
wants() { [[ " ${checks[*]} " == *" $1 "* ]]; }

if wants quartz; then
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

fi

if wants mgo; then
./corehole simulate data/structures/seed/MgO.cif --supercell "3 3 3" -o "$mgo" --np "$np"
echo "MgO in qe-seed's 54-atom supercell, polarisation x, CoreHole (+0.4 eV Lorentzian) vs shared/qe-seed/MgO/site_O1/xanes_x.dat:"
./corehole compare "$mgo/MgO/site_O2/xanes_x.dat.gz" "$shared/qe-seed/MgO/site_O1/xanes_x.dat" --lorentzian-a 0.4

fi

if wants stishovite; then
./corehole simulate data/structures/seed/stishovite.cif --supercell "0 2 0 0 0 2 3 0 1" -o "$stishovite" --np "$np"
echo "stishovite in qe-seed's 72-atom supercell, isotropic average, CoreHole (+0.4 eV Lorentzian) vs shared/qe-seed/stishovite/site_O1/xanes_avg.dat:"
compare_average "$(ls -d "$stishovite"/stishovite/site_*/ | head -n 1)" "$shared/qe-seed/stishovite/site_O1"
gap_against_seed "$stishovite/stishovite/gs/stage.json" "$shared/qe-seed/stishovite/provenance.json" stishovite
fi

if wants al2o3; then
./corehole simulate data/structures/seed/alpha-Al2O3.cif --supercell "2 2 2" -o "$al2o3" --np "$np"
echo "alpha-Al2O3 in qe-seed's 80-atom supercell, isotropic average, CoreHole (+0.4 eV Lorentzian) vs shared/qe-seed/alpha-Al2O3/site_O1/xanes_avg.dat:"
compare_average "$(ls -d "$al2o3"/alpha-Al2O3/site_*/ | head -n 1)" "$shared/qe-seed/alpha-Al2O3/site_O1"
gap_against_seed "$al2o3/alpha-Al2O3/gs/stage.json" "$shared/qe-seed/alpha-Al2O3/provenance.json" alpha-Al2O3
fi

if wants campaign; then

for material in "$shared"/qe-seed/*/; do
  name=$(basename "$material")
  [ -f "$material/site_O1/xanes_avg.dat" ] || continue
  done_site=$(ls -d "$campaign/$name"/site_*/ 2>/dev/null | while read -r s; do [ -f "$s/stage.json" ] && echo "$s"; done | head -n 1)
  [ -n "$done_site" ] || { echo "$name: not finished in $campaign yet"; continue; }
  echo "$name: CoreHole $(basename "$done_site") isotropic average (+0.4 eV Lorentzian) vs qe-seed site_O1:"
  compare_average "$done_site" "$material/site_O1"
  gap_against_seed "$campaign/$name/gs/stage.json" "$material/provenance.json" "$name"
done
fi
