using CoreHole.Spectra;

namespace CoreHole.Tests.Spectra;

public class ComparisonTests
{
    static readonly double[] Energies = Analytic.Uniform(-5, 0.01, 2501);

    [Fact]
    public void ScaleDoesNotCountOnlyShape()
    {
        var a = Analytic.Sampled(Energies, e => Analytic.Gaussian(e, 5, 1));
        var result = Comparison.Of(a, a.Scaled(7.5), 0, 15);
        Assert.Equal(1, result.Pearson, 12);
        Assert.Equal(0, result.MeanOneMse, 12);
        Assert.Equal(0, result.MainPeakShift, 12);
    }

    [Fact]
    public void MseIsTakenWithBothCurvesAtMeanOneOverTheWindow()
    {
        // A flat curve and a ramp over [0, 10]: at mean 1 the ramp is e/5, so the MSE is the mean of (e/5 - 1)^2 over the
        // 1001 points of the 0.01 eV grid, that of (j/500)^2 for j = -500..500: 501/1500.
        var flat = Analytic.Sampled(Energies, _ => 3.0);
        var ramp = Analytic.Sampled(Energies, e => 2 * e);
        var result = Comparison.Of(flat, ramp, 0, 10);
        Assert.Equal(501.0 / 1500, result.MeanOneMse, 10);
        Assert.Equal(10, result.MainPeakB, 6);
    }

    [Fact]
    public void AShiftedPeakIsFoundAndCosts()
    {
        var a = Analytic.Sampled(Energies, e => Analytic.Gaussian(e, 5, 0.5));
        var result = Comparison.Of(a, a.Shifted(0.3), 0, 15);
        Assert.Equal(0.3, result.MainPeakShift, 6);
        Assert.InRange(result.Pearson, 0.5, 0.95);
        Assert.True(result.MeanOneMse > 0.1, $"MSE {result.MeanOneMse}");
    }
}
