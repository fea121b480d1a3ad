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
}
