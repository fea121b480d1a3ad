namespace CoreHole.Spectra;

/// <summary>The paper's preprocessing of one curve: broaden, align at the threshold, sample the window.</summary>
public static class Preprocessing
{
    /// <summary>
    /// Gaussian-broadens <paramref name="curve"/> by <paramref name="sigmaEv"/> (standard deviation), evaluates it on
    /// <paramref name="window"/> placed around <paramref name="thresholdEv"/>, and returns it aligned so that the
    /// threshold is 0 eV (the returned energies are the window's). Where the window reaches beyond the data,
    /// <paramref name="outside"/> decides: reject (e.g. a PDOS whose bands end too low) or take it as zero intensity.
    /// </summary>
    public static Curve ToAlignedWindow(this Curve curve, double thresholdEv, EnergyGrid window, double sigmaEv,
        OutsideRange outside = OutsideRange.Reject)
    {
        var absolute = window.Shifted(thresholdEv);
        if (outside == OutsideRange.Reject && (absolute.Start < curve.FirstEnergy || absolute.Last > curve.LastEnergy))
            throw new InputError(
                $"the window {absolute.Start:0.###} to {absolute.Last:0.###} eV (threshold {thresholdEv:0.###} eV " +
                $"{window.Start:+0.###;-0.###} to {window.Last:+0.###;-0.###}) is not covered by the data " +
                $"({curve.FirstEnergy:0.###} to {curve.LastEnergy:0.###} eV)");
        var broadened = curve.BroadenGaussian(sigmaEv, absolute);
        return Curve.Own(window.ToArray(), broadened.Intensities.ToArray());
    }
}
