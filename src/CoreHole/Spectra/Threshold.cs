namespace CoreHole.Spectra;

/// <summary>
/// The energy a curve is aligned at (eV, on the curve's own scale) and where it came from. PDOS: the ground-state
/// CBM. Spectrum: the core-hole run's LUMO relative to the spectrum's zero (XSpectra's zero is the core-hole HOMO,
/// so LUMO − HOMO). Only when no output prints these is the onset of the curve used, marked <see cref="IsFallback"/>.
/// </summary>
public sealed record Threshold(double EnergyEv, string Source, bool IsFallback = false)
{
    /// <summary>Fraction of the maximum of the broadened curve that defines the fallback onset.</summary>
    public const double DefaultOnsetFraction = 0.1;

    /// <summary>
    /// Fallback onset: the first energy (linearly interpolated between samples) where the curve, Gaussian-broadened by
    /// <paramref name="sigmaEv"/>, rises through <paramref name="fraction"/> of its maximum. Broadening first keeps a lone
    /// noisy sample from deciding it. It is a rough estimate: on the eight qe-seed isotropic spectra (XSpectra,
    /// xgamma 0.5 eV, cut_occ_states) the 10% onset fell between 1.2 eV below and 1.2 eV above the printed
    /// LUMO − HOMO (mean 0.2 eV below); 5% and 20% spread as much. Prefer a printed LUMO wherever one exists.
    /// Null when there is no onset to find: no positive intensity, or a curve that starts above the level (its grid
    /// begins past the edge), where the first energy would only be a guess.
    /// </summary>
    public static Threshold? Onset(Curve curve, double fraction = DefaultOnsetFraction, double sigmaEv = 0.5)
    {
        if (!(fraction > 0 && fraction < 1)) throw new InputError($"onset fraction must be between 0 and 1, got {fraction}");
        var broadened = curve.BroadenGaussian(sigmaEv);
        var level = fraction * broadened.Maximum.Intensity;
        var e = broadened.Energies;
        var y = broadened.Intensities;
        if (!(level > 0) || y[0] >= level) return null;
        var i = 0;
        while (y[i] < level) i++;
        var energy = e[i - 1] + (level - y[i - 1]) / (y[i] - y[i - 1]) * (e[i] - e[i - 1]);
        return new Threshold(energy, $"onset fallback: first point at {fraction:0.##} of the maximum (σ = {sigmaEv} eV broadened)", true);
    }

    /// <summary>Why <see cref="Onset"/> found none, for the message that asks for a threshold instead.</summary>
    public const string NoOnset =
        "no onset found (the curve has no positive intensity, or it starts above a tenth of its maximum, past the edge)";
}
