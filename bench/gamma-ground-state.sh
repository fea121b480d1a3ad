#!/usr/bin/env bash
# Is Γ alone enough for the ground-state PDOS of a cell about 10 Å wide (the amorphous cells, the large frameworks)?
# Computes alpha-quartz's O-p PDOS twice with `corehole simulate` at the fast preset: in the primitive cell on the
# 24 Å mesh (as the campaign does) and in a 72-atom 2x2x2 supercell (widths 8.5, 8.5, 10.8 Å) at Γ alone
# (gamma_cell_width=8); then compares them as the model sees them, broadened by sigma = 0.5 eV: the conduction window
# [-1, 15] eV from each CBM and the valence window [-20, 15] eV from each mid-gap (Pearson r, main-peak shift, MSE at
# mean 1, the scale of the model's inputs). Usage: bash bench/gamma-ground-state.sh [--np N] [-o DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
np=1; out=runs/gamma-ground-state
while [ $# -gt 0 ]; do
  case "$1" in
    --np) np="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    *) echo "usage: bash bench/gamma-ground-state.sh [--np N] [-o DIR]" >&2; exit 2 ;;
  esac
done
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
python=/usr/bin/python3

# The primitive cell first: its plan writes the P1 primitive cell that the 2x2x2 supercell repeats.
./corehole simulate data/structures/seed/alpha-quartz.cif -o "$out" --set gamma_cell_width=8 --plan >/dev/null
$python - "$out/alpha-quartz/structure.cif" "$out/alpha-quartz-2x2x2.cif" <<'EOF'
import sys
lines = open(sys.argv[1]).read().splitlines()
cell = {k: float(v) for k, v in (l.split()[:2] for l in lines if l.startswith("_cell_"))}
atoms = [l.split() for l in lines if len(l.split()) == 5 and l.split()[1] in ("Si", "O")]
out = ["data_alpha-quartz-2x2x2", f"# 2x2x2 supercell of {sys.argv[1]}", "_symmetry_space_group_name_H-M 'P 1'"]
out += [f"_cell_length_{a} {2 * cell['_cell_length_' + a]:.8f}" for a in "abc"]
out += [f"_cell_angle_{a} {cell['_cell_angle_' + a]:.8f}" for a in ("alpha", "beta", "gamma")]
out += ["loop_", "_symmetry_equiv_pos_as_xyz", "'x, y, z'", "loop_", "_atom_site_label", "_atom_site_type_symbol",
        "_atom_site_fract_x", "_atom_site_fract_y", "_atom_site_fract_z"]
n = 0
for i in range(2):
    for j in range(2):
        for k in range(2):
            for label, element, x, y, z in atoms:
                n += 1
                out.append(f"{element}{n} {element} {(float(x) + i) / 2:.10f} {(float(y) + j) / 2:.10f} {(float(z) + k) / 2:.10f}")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
EOF
./corehole simulate "$out/alpha-quartz-2x2x2.cif" -o "$out" --keep-cell --plan >/dev/null
./corehole simulate -o "$out" --job alpha-quartz/gs --np "$np"
./corehole simulate -o "$out" --job alpha-quartz-2x2x2/gs --np "$np"

# Each PDOS file (its first O site's) and its CBM and mid-gap, from the plan and the stage record.
read -r pdos_a cbm_a mid_a pdos_b cbm_b mid_b gap_a gap_b kpts_a wall_a wall_b < <($python - "$out" <<'EOF'
import json, sys
def site(material):
    plan = json.load(open(f"{sys.argv[1]}/{material}/plan.json"))
    stage = json.load(open(f"{sys.argv[1]}/{material}/gs/stage.json"))
    atom = plan["oxygen_sites"][0]["atom"] + 1
    r = stage["results"]
    return f"{sys.argv[1]}/{material}/gs/pdos/atm{atom}_O_p.pdos.gz", r["cbm_ev"], r["mid_gap_ev"], r["band_gap_ev"], r["nscf_k_points"] if "nscf_k_points" in r else 0, stage["wall_seconds"]
a, b = site("alpha-quartz"), site("alpha-quartz-2x2x2")
print(a[0], a[1], a[2], b[0], b[1], b[2], f"{a[3]:.4f}", f"{b[3]:.4f}", a[4], a[5], b[5])
EOF
)
echo "alpha-quartz O-p PDOS: primitive cell on the 24 Å mesh ($kpts_a k-points, gap $gap_a eV, ${wall_a%.*} s)"
echo "                   vs 72-atom 2x2x2 supercell at Γ (gap $gap_b eV, ${wall_b%.*} s), sigma 0.5 eV:"
echo "conduction window, -1 to 15 eV from each CBM:"
./corehole compare "$pdos_a" "$pdos_b" --sigma 0.5 --zero-a "$cbm_a" --zero-b "$cbm_b" --from -1 --to 15
echo "valence window, -20 to 15 eV from each mid-gap:"
./corehole compare "$pdos_a" "$pdos_b" --sigma 0.5 --zero-a "$mid_a" --zero-b "$mid_b" --from -20 --to 15
