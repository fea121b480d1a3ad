using CoreHole.Spectra;
using static CoreHole.Tests.Spectra.Analytic;

namespace CoreHole.Tests.Spectra;

public class ThresholdTests
{
    [Fact]
    public void OnsetOfAGaussianIsWhereItsBroadenedCurveReachesTheFraction()
    {
        // A Gaussian of sigma 0.3 broadened by 0.5 is a Gaussian of sigma sqrt(0.34); it reaches 10% of its maximum
        // at center - sigma * sqrt(2 ln 10).
        var curve = Sampled(Uniform(-5, 0.01, 2001), e => Gaussian(e, 5, 0.3));
        var onset = Threshold.Onset(curve, 0.1, 0.5)!;
        Assert.Equal(5 - Math.Sqrt(0.34) * Math.Sqrt(2 * Math.Log(10)), onset.EnergyEv, 3);
        Assert.True(onset.IsFallback);
        Assert.Contains("onset fallback", onset.Source);
    }

    [Fact]
    public void CurveWithoutIntensityHasNoOnset() => Assert.Null(Threshold.Onset(Sampled(Uniform(0, 1, 5), _ => 0)));

    [Fact]
    public void CurveThatStartsAboveTheLevelHasNoOnsetRatherThanItsFirstEnergy()
    {
        // The grid begins on the rising edge: 10% of the maximum is reached before the first point, so no onset is
        // known (the first energy, which the fallback gave before, is only where the file happens to start).
        var curve = Sampled(Uniform(4, 0.01, 1001), e => Gaussian(e, 5, 0.5));
        Assert.Null(Threshold.Onset(curve, 0.1, 0.5));
    }

    [Fact]
    public void BandEdgesGiveGapAndMidGap()
    {
        var edges = new BandEdges(5.5651, 10.3387, "test");
        Assert.Equal(4.7736, edges.Gap, 12);
        Assert.Equal(7.9519, edges.MidGap, 12);
    }
}
