using CoreHole.Spectra;
using static CoreHole.Tests.Spectra.Analytic;

namespace CoreHole.Tests.Spectra;

public class PeaksTests
{
    [Fact]
    public void FindsPeaksBetweenGridPoints()
    {
        var curve = Sampled(EnergyGrid.Conduction.ToArray(), e => Gaussian(e, 2.03, 0.5) + 0.5 * Gaussian(e, 7.46, 0.7));
        var peaks = curve.FindPeaks(minProminence: 0.05);
        Assert.Equal(2, peaks.Count);
        Assert.Equal(2.03, peaks[0].Energy, 0.002);   // the parabola vertex, not the sample at 2.0
        Assert.Equal(7.46, peaks[1].Energy, 0.002);
        Assert.Equal(Gaussian(0, 0, 0.5), peaks[0].Height, 3);
        Assert.Equal(30, peaks[0].Index);             // the highest sample: 2.0 eV
    }

    [Fact]
    public void SmallRipplesAreNotPeaks()
    {
        var curve = Sampled(EnergyGrid.Conduction.ToArray(), e => Gaussian(e, 2.03, 0.5) + 0.002 * Math.Sin(20 * e));
        Assert.True(curve.FindPeaks(0).Count > 5);
        Assert.Equal(2.03, curve.FindPeaks(0.05).Single().Energy, 0.02);
    }

    [Fact]
    public void ProminenceIsMeasuredFromTheHigherSaddle()
    {
        // Peak 3: a higher peak on the right, saddle 1 on both sides: 3 - 1. Peak 5: nothing higher, lowest points 0
        // on the left and 2 on the right: 5 - max(0, 2). The final 4 is an end point, not a local maximum.
        var curve = new Curve(Uniform(0, 1, 7), [0, 1, 3, 1, 5, 2, 4]);
        var peaks = curve.FindPeaks(0);
        Assert.Equal([2.0, 3.0], peaks.Select(p => p.Prominence));
        Assert.Equal([2, 4], peaks.Select(p => p.Index));
    }

    [Fact]
    public void FlatTopCountsOnceAtItsMiddle()
    {
        var peaks = new Curve(Uniform(0, 1, 7), [0, 1, 2, 2, 2, 1, 0]).FindPeaks(0.5);
        Assert.Equal((3.0, 2.0, 3), (peaks.Single().Energy, peaks.Single().Height, peaks.Single().Index));
    }

    [Fact]
    public void NegativeProminenceIsRejected() =>
        Assert.Throws<InputError>(() => new Curve(Uniform(0, 1, 3), [0, 1, 0]).FindPeaks(-1));
}
