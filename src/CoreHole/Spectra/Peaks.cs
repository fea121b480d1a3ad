namespace CoreHole.Spectra;

/// <summary>
/// A local maximum. <see cref="Energy"/> and <see cref="Height"/> are the vertex of the parabola through the sample
/// and its two neighbours (sub-grid positions matter: peak shifts between ground and excited state are a few tenths
/// of an eV on a 0.1 eV grid); <see cref="Index"/> is the highest sample itself.
/// </summary>
/// <param name="Prominence">How far the peak rises above the higher of the two lowest points that separate it from
/// a higher peak (or the curve's end) on each side: the usual topographic definition, as in scipy.signal.</param>
public sealed record Peak(double Energy, double Height, double Prominence, int Index);

public static class Peaks
{
    /// <summary>The local maxima whose prominence is at least <paramref name="minProminence"/>, in energy order.</summary>
    public static IReadOnlyList<Peak> FindPeaks(this Curve curve, double minProminence)
    {
        if (!double.IsFinite(minProminence) || minProminence < 0)
            throw new InputError($"minimum prominence must be a non-negative number, got {minProminence}");
        var y = curve.Intensities;
        var peaks = new List<Peak>();
        for (var i = 1; i < y.Length - 1; i++)
        {
            if (!(y[i] > y[i - 1])) continue;
            var end = i;   // a flat top counts once, at its middle
            while (end + 1 < y.Length && y[end + 1] == y[i]) end++;
            if (end + 1 < y.Length && y[end + 1] < y[i])
            {
                var top = (i + end) / 2;
                var prominence = Prominence(y, i, end);
                if (prominence >= minProminence) peaks.Add(Refined(curve, top, prominence, flat: end > i));
            }
            i = end;
        }
        return peaks;
    }

    static double Prominence(ReadOnlySpan<double> y, int start, int end)
    {
        var height = y[start];
        double leftMin = height, rightMin = height;
        for (var k = start - 1; k >= 0 && y[k] <= height; k--) leftMin = Math.Min(leftMin, y[k]);
        for (var k = end + 1; k < y.Length && y[k] <= height; k++) rightMin = Math.Min(rightMin, y[k]);
        return height - Math.Max(leftMin, rightMin);
    }

    static Peak Refined(Curve curve, int i, double prominence, bool flat)
    {
        var e = curve.Energies;
        var y = curve.Intensities;
        if (flat) return new Peak(e[i], y[i], prominence, i);
        // p(x) = y1 + b(x - x1) + a(x - x1)^2 through the three samples; a < 0 at a strict maximum.
        double d0 = e[i - 1] - e[i], d2 = e[i + 1] - e[i];
        double s0 = (y[i - 1] - y[i]) / d0, s2 = (y[i + 1] - y[i]) / d2;
        var a = (s0 - s2) / (d0 - d2);
        var b = s0 - a * d0;
        var offset = Math.Clamp(-b / (2 * a), d0, d2);
        return new Peak(e[i] + offset, y[i] + b * offset + a * offset * offset, prominence, i);
    }
}
