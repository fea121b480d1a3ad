using CoreHole.Spectra;
using static CoreHole.Tests.Spectra.Analytic;

namespace CoreHole.Tests.Spectra;

public class CurveTests
{
    [Theory]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0 }, "2 energies but 1 intensities")]
    [InlineData(new[] { 0.0 }, new[] { 1.0 }, "at least 2 points")]
    [InlineData(new[] { 0.0, 1.0, 1.0 }, new[] { 1.0, 2.0, 3.0 }, "energies must increase: point 3")]
    [InlineData(new[] { 0.0, 2.0, 1.0 }, new[] { 1.0, 2.0, 3.0 }, "energies must increase: point 3")]
    [InlineData(new[] { 0.0, double.NaN }, new[] { 1.0, 2.0 }, "point 2 is not finite")]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, double.PositiveInfinity }, "point 2 is not finite")]
    public void BadCurvesAreRejected(double[] energies, double[] intensities, string phrase)
    {
        var e = Assert.Throws<InputError>(() => new Curve(energies, intensities));
        Assert.Contains(phrase, e.Message);
    }

    [Fact]
    public void OperationsOnDifferentGridsAreRejected()
    {
        var a = Sampled(Uniform(0, 0.1, 11), _ => 1);
        var b = Sampled(Uniform(0, 0.1, 12), _ => 1);
        var c = Sampled(Uniform(0.05, 0.1, 11), _ => 1);
        Assert.Contains("11 points vs 12 points", Assert.Throws<InputError>(() => a.Plus(b)).Message);
        Assert.Contains("grids differ at point 1", Assert.Throws<InputError>(() => Curve.Average([a, c])).Message);
    }

    [Fact]
    public void AverageOfPolarisations()
    {
        var e = Uniform(0, 1, 3);
        var avg = Curve.Average([new Curve(e, [1, 2, 3]), new Curve(e, [3, 2, 1]), new Curve(e, [2, 2, 2])]);
        Assert.Equal([2.0, 2.0, 2.0], avg.Intensities.ToArray());
    }

    [Fact]
    public void IntegralIsExactForPiecewiseLinearCurves()
    {
        var line = Sampled(Uniform(0, 0.5, 9), e => 2 * e + 1);   // 0..4 eV
        Assert.Equal(20.0, line.Integral(), 12);                  // ∫0^4 (2e + 1) = 16 + 4
        Assert.Equal(1.25 * 1.25 + 1.25 - (0.3 * 0.3 + 0.3), line.Integral(0.3, 1.25), 12);
        Assert.Equal(20.0, line.Integral(-5, 50), 12);            // clipped to the grid
    }

    [Fact]
    public void ShiftedGaussianAlignsToZero()
    {
        var peak = Sampled(Uniform(-5, 0.01, 2001), e => Gaussian(e, 4.3, 0.4));
        var aligned = peak.AlignedTo(4.3);
        Assert.Equal(0.0, aligned.Maximum.Energy, 9);
        Assert.Equal(-9.3, aligned.FirstEnergy, 9);
        Assert.Equal(peak.Maximum.Intensity, aligned.Maximum.Intensity);
    }

    [Fact]
    public void PaperGridsHaveTheirDocumentedPoints()
    {
        var conduction = EnergyGrid.Conduction;
        Assert.Equal((160, -1.0, 14.9), (conduction.Count, conduction[0], conduction.Last));
        Assert.Equal(0.0, conduction[10]);
        Assert.Equal(-0.7, conduction[3]);   // computed from the index and rounded: no accumulated 1e-16 noise
        Assert.Equal((350, -20.0, 14.9), (EnergyGrid.Valence.Count, EnergyGrid.Valence[0], EnergyGrid.Valence.Last));
    }

    [Fact]
    public void ResamplingInterpolatesAndChecksTheRange()
    {
        var line = Sampled(Uniform(-2, 0.05, 401), e => 3 * e);   // -2..18 eV
        var onGrid = line.Resampled(EnergyGrid.Conduction);
        Assert.Equal(160, onGrid.Count);
        Assert.Equal(0.1 * 3, onGrid.Intensities[11], 12);
        Assert.Equal(14.9 * 3, onGrid.Intensities[159], 12);
        Assert.Equal(0.05, line.UniformStep!.Value, 12);

        var shortLine = Sampled(Uniform(0, 0.05, 101), e => e);  // 0..5 eV
        Assert.Contains("outside the curve", Assert.Throws<InputError>(() => shortLine.Resampled(EnergyGrid.Conduction)).Message);
        var zeroFilled = shortLine.Resampled(EnergyGrid.Conduction, OutsideRange.Zero);
        Assert.Equal(0.0, zeroFilled.Intensities[0]);
        Assert.Equal(0.0, zeroFilled.Intensities[159]);
        Assert.Equal(2.5, zeroFilled.Intensities[35], 12);
    }

    [Fact]
    public void NonUniformGridHasNoStep() =>
        Assert.Null(new Curve([0, 0.1, 0.3], [1, 1, 1]).UniformStep);
}
