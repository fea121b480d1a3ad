using CoreHole.Spectra;
using static CoreHole.Tests.Spectra.Analytic;

namespace CoreHole.Tests.Spectra;

public class PreprocessingTests
{
    [Fact]
    public void SpikeAtTheThresholdBecomesACenteredGaussianOnThePaperGrid()
    {
        var e = Uniform(-10, 0.05, 801);   // -10..30 eV
        var y = new double[e.Length];
        y[Array.IndexOf(e, 6.25)] = 1;
        var window = new Curve(e, y).ToAlignedWindow(6.25, EnergyGrid.Conduction, 0.5);
        Assert.Equal(EnergyGrid.Conduction.ToArray(), window.Energies.ToArray());
        for (var i = 0; i < window.Count; i++)
            Assert.Equal(0.05 * Gaussian(EnergyGrid.Conduction[i], 0, 0.5), window.Intensities[i], 12);
    }

    [Fact]
    public void WindowBeyondTheDataIsRejectedUnlessZeroFilled()
    {
        var pdos = Sampled(Uniform(-12, 0.05, 401), _ => 1);   // ends at 8 eV
        var e = Assert.Throws<InputError>(() => pdos.ToAlignedWindow(2.0, EnergyGrid.Conduction, 0.5));
        Assert.Contains("not covered by the data", e.Message);
        var filled = pdos.ToAlignedWindow(2.0, EnergyGrid.Conduction, 0.5, OutsideRange.Zero);
        Assert.Equal(0.0, filled.Intensities[^1], 12);
    }
}
