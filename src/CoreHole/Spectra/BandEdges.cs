namespace CoreHole.Spectra;

/// <summary>
/// Valence-band maximum and conduction-band minimum (eV, on the energy scale of the file they came from).
/// The CBM is the PDOS threshold of the conduction-band input; the mid-gap is the zero of the valence input.
/// </summary>
/// <param name="Source">Where the edges came from, for reports ("bands at 84 k-points", "printed HOMO/LUMO").</param>
public sealed record BandEdges(double Vbm, double Cbm, string Source)
{
    /// <summary>CBM - VBM; zero or negative for a metal or an overlap of bands across k-points.</summary>
    public double Gap => Cbm - Vbm;

    public double MidGap => 0.5 * (Vbm + Cbm);

    /// <summary>
    /// Fallback for files with a DOS and a Fermi level but no band energies (VASP DOSCAR): the VBM is the last grid
    /// point at or below the Fermi level where the DOS exceeds <paramref name="fraction"/> of its maximum, the CBM the
    /// first such point above it. Only as good as the grid step; null when the DOS at the Fermi level is not empty
    /// (a metal) or no states lie on one side.
    /// </summary>
    public static BandEdges? EstimateFromDos(Curve dos, double fermiEv, double fraction = 1e-3)
    {
        var e = dos.Energies;
        var y = dos.Intensities;
        var level = fraction * dos.Maximum.Intensity;
        if (!(level > 0) || dos.ValueAt(fermiEv, OutsideRange.Zero) > level) return null;
        int vbm = -1, cbm = -1;
        for (var i = 0; i < e.Length; i++)
        {
            if (y[i] <= level) continue;
            if (e[i] <= fermiEv) vbm = i;
            else if (cbm < 0) cbm = i;
        }
        return vbm < 0 || cbm < 0 ? null
            : new BandEdges(e[vbm], e[cbm], $"estimated from the DOS around the Fermi level (fallback, ±{e[1] - e[0]:0.###} eV)");
    }
}
