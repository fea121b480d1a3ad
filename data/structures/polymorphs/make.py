#!/usr/bin/env python3
"""Writes the dense SiO2 polymorphs of this folder from their space group, lattice and Wyckoff positions.

Run: /usr/bin/python3 data/structures/polymorphs/make.py   (needs Debian's python3-ase; CoreHole itself does not)
Values are quoted from the papers cited, from memory (no network here), and each structure was kept only after
`./corehole inspect` showed every Si with its full O shell at a sound Si-O distance and every O bridging Si
(data/structures/README.md). Keatite and moganite were left out: the recalled coordinates failed that check.
"""
import os
from ase.spacegroup import crystal
from ase.io import write

HERE = os.path.dirname(os.path.abspath(__file__))

POLYMORPHS = {
    "beta-cristobalite": dict(
        source="Wright A.F. & Leadbetter A.J. (1975) Phil. Mag. 31, 1391: the ordered I-42d model of beta-cristobalite, "
               "a = a_c/sqrt(2), c = a_c with a_c = 7.16 A; Si 4a (0,0,0), O 8d (x,1/4,1/8) with x = 0.0859 set here "
               "for d(Si-O) = 1.61 A (Si-O-Si then 148.7 deg)",
        symbols=["Si", "O"], basis=[(0, 0, 0), (0.0859, 0.25, 0.125)], spacegroup=122,
        cellpar=[5.063, 5.063, 7.16, 90, 90, 90]),
    "tridymite": dict(
        source="Kihara K. (1978) Z. Kristallogr. 148, 237: high tridymite at 460 C, P6_3/mmc, a = 5.052 A, "
               "c = 8.270 A; Si 4f (1/3,2/3,0.0620), O1 2c (1/3,2/3,1/4), O2 6g (1/2,0,0). The published average "
               "structure: straight Si-O-Si and Si-O 1.55 A (dynamic disorder shortens the apparent bond)",
        symbols=["Si", "O", "O"], basis=[(1 / 3, 2 / 3, 0.0620), (1 / 3, 2 / 3, 0.25), (0.5, 0, 0)], spacegroup=194,
        cellpar=[5.052, 5.052, 8.270, 90, 90, 120]),
    "seifertite": dict(
        source="Dera P., Prewitt C.T., Boctor N.Z. & Hemley R.J. (2002) Am. Mineral. 87, 1018: alpha-PbO2-type "
               "SiO2, Pbcn, a = 4.097 A, b = 5.046 A, c = 4.495 A; Si 4c (0,0.1522,1/4), O 8d (0.2646,0.3877,0.4184)",
        symbols=["Si", "O"], basis=[(0, 0.1522, 0.25), (0.2646, 0.3877, 0.4184)], spacegroup=60,
        cellpar=[4.097, 5.046, 4.495, 90, 90, 90]),
}

for name, spec in POLYMORPHS.items():
    source = spec.pop("source")
    atoms = crystal(**spec)
    path = os.path.join(HERE, f"{name}.cif")
    write(path, atoms, format="cif")
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(f"# {name}; source: {source}; written by data/structures/polymorphs/make.py (ASE)\n" + text)
    print(f"{path}: {atoms.get_chemical_formula()}")
