using CoreHole.Spectra;
using CoreHole.Paper;

namespace CoreHole.Reports;

/// <summary>A ground-state PDOS peak (the paper's a'-d') and the shift to its matched peak (a-d) in the calculated and the predicted spectrum.</summary>
public sealed record PeakShift(string Material, string Site, double PdosPeakEv, double? CalculatedShiftEv, double? PredictedShiftEv);

/// <summary>A straight-line fit of shift against PDOS peak energy.</summary>
public sealed record ShiftTrend(int Peaks, double Slope, double Intercept)
{
    /// <summary>The paper's claim: shifts are negative and larger at lower energy, so the line rises with energy.</summary>
    public bool LowerPeaksShiftMore => Slope > 0;
}

/// <summary>
/// The paper's arrows in Fig. 2b: PDOS peaks, aligned at the CBM, matched to the peaks of a spectrum, aligned at its
/// threshold; the shift is spectrum minus PDOS peak energy. The core hole pulls states down by up to several eV (2-5 eV
/// for the main O K peak of silica), more than the spacing of the peaks, so "nearest peak" pairs the wrong ones. The
/// matching is instead an alignment, as of two sequences: order-preserving (peak n of the PDOS goes to a later peak
/// than peak n-1 went to), each shift from <see cref="MaxDownShiftEv"/> below to <see cref="MaxUpShiftEv"/> above, and
/// the pairs chosen to maximise the sum of their weights, a pair's weight being the smaller of its two peaks' heights
/// (each relative to its curve's highest peak) less <see cref="ShiftPenaltyPerEv"/> per eV of shift: peaks of like
/// size pair, a main peak with a main peak rather than a closer minor one, and among equals the smaller shift wins.
/// Peaks count from <see cref="RelativeProminence"/> of the curve's maximum, so that wiggles (and a prediction's
/// noise) are not peaks.
/// </summary>
public static class PeakShifts
{
    public const double MaxDownShiftEv = 6, MaxUpShiftEv = 1.5, RelativeProminence = 0.1, ShiftPenaltyPerEv = 0.02;

    public static IEnumerable<PeakShift> Of(SitePrediction site)
    {
        var pdosPeaks = PeaksOf(site.Energies, site.Pdos);
        var calculated = Match(pdosPeaks, PeaksOf(site.Energies, site.Calculated));
        var predicted = Match(pdosPeaks, PeaksOf(site.Energies, site.Predicted));
        return pdosPeaks.Select((p, i) => new PeakShift(site.Material, site.Site, p.Energy, calculated[i] - p.Energy, predicted[i] - p.Energy));
    }

    /// <summary>Least-squares line through (PDOS peak energy, shift), or null with fewer than two points.</summary>
    public static ShiftTrend? Trend(IReadOnlyList<(double Energy, double Shift)> points)
    {
        if (points.Count < 2) return null;
        double mx = points.Average(p => p.Energy), my = points.Average(p => p.Shift);
        double sxx = points.Sum(p => (p.Energy - mx) * (p.Energy - mx));
        if (sxx == 0) return null;
        var slope = points.Sum(p => (p.Energy - mx) * (p.Shift - my)) / sxx;
        return new ShiftTrend(points.Count, slope, my - slope * mx);
    }

    static Peak[] PeaksOf(double[] energies, double[] intensities)
    {
        var top = intensities.Max();
        return top > 0 ? [.. new Curve(energies, intensities).FindPeaks(RelativeProminence * top)] : [];
    }

    /// <summary>
    /// For each PDOS peak (ascending), the energy of the spectrum peak (ascending) it is aligned to, or null. Dynamic
    /// programming over prefixes, as in sequence alignment: best[i, j] is the largest total weight of an alignment of
    /// the first i PDOS peaks with the first j spectrum peaks.
    /// </summary>
    public static double?[] Match(IReadOnlyList<Peak> pdosPeaks, IReadOnlyList<Peak> spectrumPeaks)
    {
        int n = pdosPeaks.Count, m = spectrumPeaks.Count;
        double pdosScale = MaxHeight(pdosPeaks), spectrumScale = MaxHeight(spectrumPeaks);
        double Weight(int i, int j)
        {
            var shift = spectrumPeaks[j].Energy - pdosPeaks[i].Energy;
            return shift < -MaxDownShiftEv || shift > MaxUpShiftEv ? double.NegativeInfinity
                : Math.Min(pdosPeaks[i].Height / pdosScale, spectrumPeaks[j].Height / spectrumScale) - ShiftPenaltyPerEv * Math.Abs(shift);
        }
        var best = new double[n + 1, m + 1];
        for (var i = 1; i <= n; i++)
            for (var j = 1; j <= m; j++)
                best[i, j] = Math.Max(Math.Max(best[i - 1, j], best[i, j - 1]), best[i - 1, j - 1] + Weight(i - 1, j - 1));
        var matched = new double?[n];
        for (int i = n, j = m; i > 0 && j > 0;)
        {
            if (best[i, j] == best[i - 1, j]) i--;
            else if (best[i, j] == best[i, j - 1]) j--;
            else { matched[i - 1] = spectrumPeaks[j - 1].Energy; i--; j--; }
        }
        return matched;
    }

    static double MaxHeight(IReadOnlyList<Peak> peaks) => peaks.Count == 0 ? 1 : peaks.Max(p => p.Height);
}
