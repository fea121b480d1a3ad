using System.Globalization;

namespace CoreHole.Spectra;

/// <summary>
/// How intensities are scaled, as an explicit, named choice (the paper does not say, and its MSE values depend on it).
/// Nothing in CoreHole normalises implicitly: a pipeline holds one of these, applies it to every curve, and records
/// its <see cref="ToString"/> (which <see cref="Parse"/> reads back) next to its results.
/// </summary>
public abstract record Normalization
{
    public abstract Curve Apply(Curve curve);

    /// <summary>Intensities as they are.</summary>
    public sealed record None : Normalization
    {
        public override Curve Apply(Curve curve) => curve;
        public override string ToString() => "none";
    }

    /// <summary>Scaled so that the integral over [FromEv, ToEv] (piecewise-linear) is 1.</summary>
    public sealed record UnitArea(double FromEv, double ToEv) : Normalization
    {
        public override Curve Apply(Curve curve)
        {
            var area = curve.Integral(FromEv, ToEv);
            return area > 0
                ? curve.Scaled(1 / area)
                : throw new InputError($"cannot normalise to unit area: the area over [{FromEv}, {ToEv}] eV is {area}");
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"area:{FromEv}:{ToEv}");
    }

    /// <summary>Scaled so that the highest point is 1.</summary>
    public sealed record UnitMaximum : Normalization
    {
        public override Curve Apply(Curve curve)
        {
            var max = curve.Maximum.Intensity;
            return max > 0
                ? curve.Scaled(1 / max)
                : throw new InputError($"cannot normalise to unit maximum: the maximum intensity is {max}");
        }

        public override string ToString() => "max";
    }

    /// <summary>Reads "none", "max" or "area:FROM:TO" (eV), e.g. "area:-1:15".</summary>
    public static Normalization Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':');
        switch (parts)
        {
            case ["none"]: return new None();
            case ["max"]: return new UnitMaximum();
            case ["area", var from, var to]
                when double.TryParse(from, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                     && double.TryParse(to, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                     && double.IsFinite(a) && double.IsFinite(b) && a < b:
                return new UnitArea(a, b);
            default:
                throw new InputError($"unknown normalisation '{text}': use none, max or area:FROM:TO (eV, FROM < TO)");
        }
    }
}
