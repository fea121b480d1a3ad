using CoreHole.Spectra;
using static CoreHole.Tests.Spectra.Analytic;

namespace CoreHole.Tests.Spectra;

public class NormalizationTests
{
    readonly Curve curve = Sampled(Uniform(-2, 0.01, 1801), e => 4 * Gaussian(e, 5, 1));

    [Fact]
    public void UnitAreaOverAWindow()
    {
        var normalised = new Normalization.UnitArea(-1, 15).Apply(curve);
        Assert.Equal(1.0, normalised.Integral(-1, 15), 12);
        Assert.Equal(curve.Intensities[100] / curve.Integral(-1, 15), normalised.Intensities[100], 12);
    }

    [Fact]
    public void UnitMaximum() =>
        Assert.Equal(1.0, new Normalization.UnitMaximum().Apply(curve).Maximum.Intensity, 14);

    [Fact]
    public void NoneChangesNothing() => Assert.Same(curve, new Normalization.None().Apply(curve));

    [Theory]
    [InlineData("none", "none")]
    [InlineData("MAX", "max")]
    [InlineData("area:-1:15", "area:-1:15")]
    [InlineData(" area:0:7.5 ", "area:0:7.5")]
    public void ParsesWhatItPrints(string text, string printed) =>
        Assert.Equal(printed, Normalization.Parse(text).ToString());

    [Theory]
    [InlineData("area")]
    [InlineData("area:5:1")]
    [InlineData("area:a:b")]
    [InlineData("sum")]
    public void UnknownNormalisationIsAnInputError(string text) =>
        Assert.Contains("unknown normalisation", Assert.Throws<InputError>(() => Normalization.Parse(text)).Message);

    [Fact]
    public void ZeroCurveCannotBeNormalised()
    {
        var zero = Sampled(Uniform(0, 1, 5), _ => 0);
        Assert.Throws<InputError>(() => new Normalization.UnitMaximum().Apply(zero));
        Assert.Throws<InputError>(() => new Normalization.UnitArea(0, 4).Apply(zero));
    }
}
