#!/usr/bin/env python3
"""Writes the dense SiO2 polymorphs of this folder from their space group, lattice and Wyckoff positions.

Run: /usr/bin/python3 data/structures/polymorphs/make.py   (needs Debian's python3-ase; CoreHole itself does not)
Values are those of the papers cited (beta-cristobalite, tridymite and keatite quoted from memory; seifertite and
moganite as the American Mineralogist Crystal Structure Database records them), and each structure was kept only after
`./corehole inspect` showed every Si with its full O shell at a sound Si-O distance and every O bridging Si
(data/structures/README.md; tests/CoreHole.Tests/Structures/OxygenShellTests.cs checks it on every build).
"""
import os
from ase.spacegroup import crystal
from ase.spacegroup.spacegroup import spacegroup_from_data
from ase.io import write

HERE = os.path.dirname(os.path.abspath(__file__))

POLYMORPHS = {
    "beta-cristobalite": dict(
        source="Wright A.F. & Leadbetter A.J. (1975) Phil. Mag. 31, 1391: the ordered I-42d model of beta-cristobalite, "
               "a = a_c/sqrt(2), c = a_c with a_c = 7.16 A; Si 4a, O 8d (x,1/4,1/8) with x set here "
               "for d(Si-O) = 1.61 A (Si-O-Si then 148.7 deg)",
        symbols=["Si", "O"], basis=[(0, 0, 0), (0.0859, 0.25, 0.125)], spacegroup=122,
        cellpar=[5.063, 5.063, 7.16, 90, 90, 90]),
    "tridymite": dict(
        source="Kihara K. (1978) Z. Kristallogr. 148, 237: high tridymite at 460 C, P6_3/mmc; Si 4f, O1 2c, O2 6g. "
               "The published average structure: straight Si-O-Si and Si-O 1.55 A (dynamic disorder shortens the "
               "apparent bond)",
        symbols=["Si", "O", "O"], basis=[(1 / 3, 2 / 3, 0.0620), (1 / 3, 2 / 3, 0.25), (0.5, 0, 0)], spacegroup=194,
        cellpar=[5.052, 5.052, 8.270, 90, 90, 120]),
    "seifertite": dict(
        source="Dera P., Prewitt C.T., Boctor N.Z. & Hemley R.J. (2002) Am. Mineral. 87, 1018 (AMCSD 0002871): "
               "alpha-PbO2-type SiO2, Pbcn; Si 4c, O 8d",
        symbols=["Si", "O"], basis=[(0, 0.1522, 0.25), (0.7336, 0.6245, 0.9186)], spacegroup=60,
        cellpar=[4.097, 5.0462, 4.4946, 90, 90, 90]),
    "keatite": dict(
        source="Shropshire J., Keat P.P. & Vaughan P.A. (1959) Z. Kristallogr. 112, 409: Si1 4a, Si2 8b, O1-O3 8b, "
               "placed in P4_3 2_1 2 as the AFLOW prototype encyclopedia does (A2B_tP36_96_3b_ab): in the "
               "enantiomorph P4_1 2_1 2 these coordinates leave Si2 3-fold",
        symbols=["Si", "Si", "O", "O", "O"],
        basis=[(0.41, 0.41, 0), (0.326, 0.120, 0.248), (0.445, 0.132, 0.400), (0.117, 0.123, 0.296), (0.344, 0.297, 0.143)],
        spacegroup=96, cellpar=[7.456, 7.456, 8.604, 90, 90, 90]),
    "moganite": dict(
        source="Heaney P.J. & Post J.E. (2001) Am. Mineral. 86, 1358 (AMCSD 0002737): neutron, 298 K, I2/a",
        symbols=["Si", "Si", "O", "O", "O"],
        basis=[(0.25, 0.9726, 0), (0.0103, 0.2486, 0.1682), (0.9781, 0.0644, 0.2878), (0.1678, 0.1708, 0.1002), (0.8703, 0.2296, 0.0675)],
        # I2/a is a non-standard setting of C2/c (No. 15): its eight operations as published, centring included.
        spacegroup=spacegroup_from_data(
            no=15, setting=1, centrosymmetric=False, subtrans=[[0, 0, 0]],
            sitesym=["x,y,z", "1/2+x,1/2+y,1/2+z", "1/2-x,y,-z", "-x,1/2+y,1/2-z",
                     "1/2+x,-y,z", "x,1/2-y,1/2+z", "-x,-y,-z", "1/2-x,1/2-y,1/2-z"]),
        cellpar=[8.7371, 4.8692, 10.7217, 90, 90.193, 90]),
}

for name, spec in POLYMORPHS.items():
    source = spec.pop("source")
    # The header states the cell and sites from the very numbers used, so the two cannot drift apart.
    cell = ", ".join(f"{v:g}" for v in spec["cellpar"])
    sites = ", ".join(f"{el} ({', '.join(f'{x:.4g}' for x in xyz)})" for el, xyz in zip(spec["symbols"], spec["basis"]))
    source += f"; cell (A, deg) {cell}; sites {sites}"
    atoms = crystal(**spec)
    path = os.path.join(HERE, f"{name}.cif")
    write(path, atoms, format="cif")
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(f"# {name}; source: {source}; written by data/structures/polymorphs/make.py (ASE)\n" + text)
    print(f"{path}: {atoms.get_chemical_formula()}")
