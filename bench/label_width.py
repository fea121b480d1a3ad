"""The label-width table: each O site's training label (8 Å supercell) against the same site in a supercell at least
10 Å wide, both exactly as the model sees them (the targets of `corehole dataset build`: σ = 0.5 eV, aligned at the
threshold, -1..15 eV, mean 1), so that the MSE between them is on the scale of the model's errors.

Usage: label_width.py OUT.tsv NARROW.h5 WIDE.h5 [NARROW.h5 WIDE.h5 ...]
Each pair is two dataset files; sites present in both (same material and site label) are compared. The supercell of
each stage comes from its campaign folder's plan.json, found from the dataset's provenance source.
"""
import json
import os
import sys

import h5py
import numpy as np


def sites(path):
    """(material, site) -> (target, supercell min width, supercell atoms, core-hole wall minutes, LUMO-HOMO eV)."""
    f = h5py.File(path, "r")
    folder = os.path.dirname(os.path.abspath(path))
    out = {}
    for i, (material, site) in enumerate(zip(f["sites/material"][:], f["sites/site"][:])):
        material, site = material.decode(), site.decode()
        source = f["provenance/source"][i].decode()
        stage_dir = os.path.normpath(os.path.join(folder, source)) if source.startswith(".") else source
        plan = json.load(open(os.path.join(os.path.dirname(stage_dir), "plan.json")))
        stage = json.load(open(os.path.join(stage_dir, "stage.json")))
        r = stage["results"]
        out[(material, site)] = (f["target"][i], plan["supercell_min_width"], r["supercell_atoms"],
                                 stage["wall_seconds"] / 60, r["lumo_ev"] - r["homo_ev"])
    return out


def main(argv):
    out_path, files = argv[1], argv[2:]
    if len(files) % 2:
        sys.exit("label_width.py: give the dataset files in pairs NARROW WIDE")
    rows = []
    for narrow_path, wide_path in zip(files[::2], files[1::2]):
        narrow, wide = sites(narrow_path), sites(wide_path)
        for key in sorted(narrow.keys() & wide.keys()):
            (a, wa, na, ta, ga), (b, wb, nb, tb, gb) = narrow[key], wide[key]
            if wb < 10 - 1e-6 or wa >= 10 - 1e-6:
                continue  # not a narrow/wide pair (the campaign's own wide cells are their own reference)
            rows.append((*key, wa, na, ta, wb, nb, tb, float(np.mean((a - b) ** 2)), float(np.corrcoef(a, b)[0, 1]), gb - ga))
    rows.sort(key=lambda r: r[2])
    header = ("material", "site", "width_narrow_A", "atoms_narrow", "wall_min_narrow", "width_wide_A", "atoms_wide",
              "wall_min_wide", "label_mse", "pearson_r", "edge_change_ev")
    with open(out_path, "w") as out:
        out.write("\t".join(header) + "\n")
        for r in rows:
            out.write("\t".join([r[0], r[1], f"{r[2]:.2f}", str(r[3]), f"{r[4]:.1f}", f"{r[5]:.2f}", str(r[6]),
                                 f"{r[7]:.1f}", f"{r[8]:.4f}", f"{r[9]:.4f}", f"{r[10]:+.2f}"]) + "\n")
    if not rows:
        print("no site has both widths yet")
        return
    mse = np.array([r[8] for r in rows])
    widths = np.array([r[2] for r in rows])
    structures = len({r[0] for r in rows})
    print(f"{len(rows)} sites from {structures} structures: label change (MSE at mean 1, narrow vs >= 10 Å) "
          f"mean {mse.mean():.4f}, median {np.median(mse):.4f}, max {mse.max():.4f}")
    for lo, hi in [(8.0, 8.5), (8.5, 9.0), (9.0, 10.0)]:
        sel = (widths >= lo) & (widths < hi)
        if sel.any():
            print(f"  narrow cell {lo:.1f}-{hi:.1f} Å: {sel.sum()} sites, mean label change {mse[sel].mean():.4f}")
    wall_ratio = np.array([r[7] / r[4] for r in rows])
    print(f"wide/narrow core-hole wall time: median {np.median(wall_ratio):.1f}x "
          f"(median {np.median([r[7] for r in rows]):.0f} min a site on the wide cell)")


if __name__ == "__main__":
    main(sys.argv)
