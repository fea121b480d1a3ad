"""What the bench scripts read from a finished ground state's nscf.out.gz: one home for the k-weight parse."""
import gzip, re
import numpy as np


def nscf_text(gs):
    return gzip.open(f"{gs}/nscf.out.gz", "rt").read()


def state_weights(nscf):
    """Each k-point's weight as pw.x prints it, scaled to two states per band (spin-unpolarised)."""
    weights = [float(w) for w in re.findall(r"k\(\s*\d+\) = \([^)]*\), wk =\s*([0-9.]+)", nscf)]
    weights = np.array(weights[: len(weights) // 2])   # the Cartesian list; the crystal one repeats it
    return 2 * weights / weights.sum()
