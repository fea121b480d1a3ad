using CoreHole.Spectra;
using static CoreHole.Tests.Spectra.Analytic;

namespace CoreHole.Tests.Spectra;

public class BroadeningTests
{
    [Fact]
    public void SpikeBroadensToTheExactGaussian()
    {
        var e = Uniform(-5, 0.01, 1501);   // -5..10 eV
        var y = new double[e.Length];
        var at = Array.IndexOf(e, 2.0);
        y[at] = 3.0;
        var broadened = new Curve(e, y).BroadenGaussian(0.5);
        for (var i = 0; i < e.Length; i++)
            Assert.Equal(3.0 * 0.01 * Gaussian(e[i], 2.0, 0.5), broadened.Intensities[i], 13);
    }

    [Fact]
    public void DenseGridsBroadenByFftToTheSameCurveAsTheDirectSum()
    {
        // 12001 points 0.002 eV apart under a σ = 0.5 eV Gaussian: 5001 samples per kernel, enough for the FFT path;
        // evaluating onto a grid (the direct sum, every ordinary file's path) gives the reference.
        var e = Uniform(-12, 0.002, 12001);
        var curve = Sampled(e, x => Gaussian(x, 1, 0.8) + 0.3 * Gaussian(x, 4, 0.2) + (x > 0 ? 0.05 : 0));
        var fft = curve.BroadenGaussian(0.5);
        var direct = curve.BroadenGaussian(0.5, new EnergyGrid(-12, 0.002, 12001));
        var scale = direct.Maximum.Intensity;
        for (var i = 0; i < e.Length; i++) Assert.Equal(direct.Intensities[i] / scale, fft.Intensities[i] / scale, tolerance: 1e-12);
        var lorentzian = curve.BroadenLorentzian(0.1);   // 200 γ reach: the FFT path too
        Assert.Equal(curve.Integral(), lorentzian.Integral(), 1);
    }

    [Fact]
    public void BroadeningIsNotQuadraticInThePoints()
    {
        // 200 000 points 0.0001 eV apart: summed point by point, 100 001 samples under each Gaussian would take
        // 2e10 evaluations (minutes); in O(n log n) it is well under a second. The limit leaves room for a busy machine.
        var e = Uniform(-10, 0.0001, 200_001);
        var curve = Sampled(e, x => Gaussian(x, 0, 1));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var broadened = curve.BroadenGaussian(0.5);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"broadening 200 001 points took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(Gaussian(0, 0, Math.Sqrt(1.25)), broadened.ValueAt(0, OutsideRange.Reject), 6);
    }

    [Fact]
    public void SpikeOnANonUniformGridCarriesItsTrapezoidArea()
    {
        double[] e = [0, 0.5, 0.6, 0.65, 1.0, 3.0];
        var spike = new Curve(e, [0, 0, 2.0, 0, 0, 0]);
        var area = 2.0 * (0.65 - 0.5) / 2;
        Assert.Equal(area, spike.Integral(), 14);
        var grid = new EnergyGrid(-4, 0.02, 401);
        var broadened = spike.BroadenGaussian(0.3, grid);
        for (var i = 0; i < grid.Count; i++)
            Assert.Equal(area * Gaussian(grid[i], 0.6, 0.3), broadened.Intensities[i], 13);
    }

    [Fact]
    public void AreaIsKeptOnANonUniformGrid()
    {
        // A rough PDOS-like curve on an irregular grid, well inside a wide output grid.
        var e = new List<double>();
        for (var x = 0.0; x < 10; x += 0.03 + 0.04 * Math.Abs(Math.Sin(7 * x))) e.Add(x);
        var curve = Sampled(e.ToArray(), x => 1 + Math.Sin(3 * x) + 0.5 * Math.Cos(11 * x));
        var broadened = curve.BroadenGaussian(0.5, new EnergyGrid(-6, 0.005, 4401));
        Assert.Equal(curve.Integral(), broadened.Integral(), 6);
    }

    [Fact]
    public void GaussiansAddInQuadrature()
    {
        var e = Uniform(-6, 0.005, 3201);
        var narrow = Sampled(e, x => Gaussian(x, 1.0, 0.3));
        var broadened = narrow.BroadenGaussian(0.4);
        for (var i = 0; i < e.Length; i += 7)
            Assert.Equal(Gaussian(e[i], 1.0, 0.5), broadened.Intensities[i], 7);
    }

    [Fact]
    public void FwhmIsNamedAndConverted()
    {
        var e = Uniform(0, 0.05, 201);
        var curve = Sampled(e, x => x > 4 && x < 6 ? 1 : 0);
        var bySigma = curve.BroadenGaussian(0.5);
        var byFwhm = curve.BroadenGaussianFwhm(0.5 * 2 * Math.Sqrt(2 * Math.Log(2)));
        Assert.Equal(bySigma.Intensities.ToArray(), byFwhm.Intensities.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void SigmaMustBePositive(double sigma) =>
        Assert.Contains("sigma must be a positive", Assert.Throws<InputError>(() =>
            Sampled(Uniform(0, 1, 3), _ => 1).BroadenGaussian(sigma)).Message);

    [Fact]
    public void BroadenedShiftedPeakAlignsToZero()
    {
        var e = Uniform(-5, 0.05, 601);
        var stick = new double[e.Length];
        stick[Array.IndexOf(e, 7.3)] = 1;
        var aligned = new Curve(e, stick).BroadenGaussian(0.5, EnergyGrid.Conduction.Shifted(7.3)).AlignedTo(7.3);
        Assert.Equal(EnergyGrid.Conduction.ToArray(), aligned.Energies.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(0.0, aligned.Maximum.Energy, 9);
    }
}
