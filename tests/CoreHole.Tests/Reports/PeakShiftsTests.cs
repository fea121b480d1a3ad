using CoreHole.Reports;
using CoreHole.Spectra;
using static CoreHole.Tests.Spectra.Analytic;
using CoreHole.Paper;

namespace CoreHole.Tests.Reports;

public class PeakShiftsTests
{
    [Fact]
    public void ShiftsLargerThanThePeakSpacingPairPeaksInOrder()
    {
        // BCT O2 of the embedded dataset: PDOS peaks at 4.9 and 7.4 eV, core-hole peaks at 2.2 and 3.9 eV. The nearest
        // peak would send 4.9 to 3.9 and leave 7.4 alone; the core hole moved both down, the first by 2.7 eV.
        Assert.Equal([2.2, 3.9], PeakShifts.Match(Peaks(4.9, 7.4), Peaks(2.2, 3.9)));
    }

    [Fact]
    public void PairsNeverCross()
    {
        // Peak by peak, nearest first, 5 eV would take 6.0 (+1) and 6 eV then 3.5 (-2.5): crossed arrows. The alignment
        // sends 5 to 3.5 and 6 to 6.0.
        Assert.Equal([3.5, 6.0], PeakShifts.Match(Peaks(5.0, 6.0), Peaks(3.5, 6.0)));
        Assert.Equal([4.5, 6.5], PeakShifts.Match(Peaks(5.0, 7.0), Peaks(2.0, 4.5, 6.5)));
        Assert.Equal([1.0, null, 8.9], PeakShifts.Match(Peaks(3.0, 6.0, 9.0), Peaks(1.0, 8.9)));
    }

    [Fact]
    public void MainPeakGoesToMainPeakThenTheSmallerShiftWins()
    {
        // BIK O2: one PDOS peak at 7.0 eV, the core-hole main peak at 2.5 eV and a weaker one at 8.3 eV: the main peak
        // is the match, though the weaker one is closer.
        Assert.Equal([2.5], PeakShifts.Match([new Peak(7.0, 1, 1, 0)], [new Peak(2.5, 1, 1, 0), new Peak(8.3, 0.3, 0.3, 0)]));
        // One spectrum peak for three equal PDOS peaks: it goes to the closest, not the first.
        Assert.Equal([null, 4.6, null], PeakShifts.Match(Peaks(2.0, 5.0, 9.0), Peaks(4.6)));
        // Two pairs beat one, though one pair (5.0 -> 4.9) would shift less.
        Assert.Equal([1.0, 4.9], PeakShifts.Match(Peaks(5.0, 7.0), Peaks(1.0, 4.9)));
    }

    [Fact]
    public void ShiftsOutsideTheWindowAreNotPaired()
    {
        Assert.Equal([null], PeakShifts.Match(Peaks(5.0), Peaks(5.0 + PeakShifts.MaxUpShiftEv + 0.1)));
        Assert.Equal([null], PeakShifts.Match(Peaks(8.0), Peaks(8.0 - PeakShifts.MaxDownShiftEv - 0.1)));
        Assert.Equal([null, null], PeakShifts.Match(Peaks(1.0, 2.0), Peaks()));
        Assert.Empty(PeakShifts.Match(Peaks(), Peaks(1.0)));
    }

    [Fact]
    public void SiteShiftsAndTheirTrendFollowTheCurves()
    {
        // PDOS peaks at 5 and 9 eV; the spectrum has them at 2 and 7.5 eV (-3 and -1.5 eV) and a noise wiggle of 3% of
        // its maximum, which is not a peak. The lower peak shifts more: the trend rises with energy.
        var energies = EnergyGrid.Conduction.ToArray();
        double[] Curve(Func<double, double> f) => Array.ConvertAll(energies, e => f(e));
        var site = new SitePrediction("X", "O1", energies,
            Calculated: Curve(e => Gaussian(e, 2, 0.5) + 0.8 * Gaussian(e, 7.5, 0.6) + 0.03 * Math.Sin(12 * e) * Gaussian(e, 11, 1)),
            Predicted: Curve(e => Gaussian(e, 2.2, 0.5) + 0.8 * Gaussian(e, 7.0, 0.6)),
            Pdos: Curve(e => Gaussian(e, 5, 0.6) + Gaussian(e, 9, 0.6)));
        var shifts = PeakShifts.Of(site).ToList();
        Assert.Equal([5.0, 9.0], shifts.Select(s => Math.Round(s.PdosPeakEv, 1)));
        Assert.Equal([-3.0, -1.5], shifts.Select(s => Math.Round(s.CalculatedShiftEv!.Value, 1)));
        Assert.Equal([-2.8, -2.0], shifts.Select(s => Math.Round(s.PredictedShiftEv!.Value, 1)));
        var trend = PeakShifts.Trend([.. shifts.Select(s => (s.PdosPeakEv, s.CalculatedShiftEv!.Value))])!;
        Assert.True(trend.LowerPeaksShiftMore);
        Assert.Equal(1.5 / 4, trend.Slope, 0.02);
    }

    /// <summary>Peaks of equal prominence at these energies.</summary>
    static Peak[] Peaks(params double[] energies) => [.. energies.Select(e => new Peak(e, 1, 1, 0))];
}
