using CoreHole.Spectra;

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
/// The paper's arrows in Fig. 2b: each PDOS peak, aligned at the CBM, is matched to the nearest peak of a spectrum,
/// aligned at its threshold, within <see cref="MatchWindowEv"/>; the shift is spectrum minus PDOS peak energy.
/// Peaks count from <see cref="RelativeProminence"/> of the curve's maximum, so small wiggles are not peaks.
/// </summary>
public static class PeakShifts
{
    public const double MatchWindowEv = 3, RelativeProminence = 0.05;

    public static IEnumerable<PeakShift> Of(SitePrediction site)
    {
        var pdosPeaks = PeaksOf(site.Energies, site.Pdos);
        var calculated = Matches(pdosPeaks, PeaksOf(site.Energies, site.Calculated));
        var predicted = Matches(pdosPeaks, PeaksOf(site.Energies, site.Predicted));
        return pdosPeaks.Select((p, i) => new PeakShift(site.Material, site.Site, p, calculated[i] - p, predicted[i] - p));
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

    static double[] PeaksOf(double[] energies, double[] intensities)
    {
        var curve = new Curve(energies, intensities);
        var top = intensities.Max();
        return top > 0 ? [.. curve.FindPeaks(RelativeProminence * top).Select(p => p.Energy)] : [];
    }

    /// <summary>For each PDOS peak in energy order, the nearest spectrum peak not matched yet within the window.</summary>
    static double?[] Matches(double[] pdosPeaks, double[] spectrumPeaks)
    {
        var used = new bool[spectrumPeaks.Length];
        return [.. pdosPeaks.Select(p =>
        {
            var best = Enumerable.Range(0, spectrumPeaks.Length).Where(j => !used[j] && Math.Abs(spectrumPeaks[j] - p) <= MatchWindowEv)
                .OrderBy(j => Math.Abs(spectrumPeaks[j] - p)).Cast<int?>().FirstOrDefault();
            if (best is not { } j) return (double?)null;
            used[j] = true;
            return spectrumPeaks[j];
        })];
    }
}
