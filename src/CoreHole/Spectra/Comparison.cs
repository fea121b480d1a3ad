namespace CoreHole.Spectra;

/// <summary>
/// How alike two spectra are over an energy window: Pearson correlation, where their strongest peaks sit, and the mean
/// squared difference once each is scaled to a mean of 1 over the window (the scale of CoreHole's model inputs and
/// targets, whose MSEs it makes comparable).
/// </summary>
public sealed record Comparison(double Pearson, double MainPeakA, double MainPeakB, double MeanOneMse)
{
    public double MainPeakShift => MainPeakB - MainPeakA;

    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/> on a uniform grid over [from, to] eV (both resampled onto it).</summary>
    public static Comparison Of(Curve a, Curve b, double from, double to, double step = 0.01)
    {
        var grid = new EnergyGrid(from, step, (int)Math.Round((to - from) / step) + 1);
        var x = a.Resampled(grid);
        var y = b.Resampled(grid);
        return new Comparison(Correlation(x.Intensities, y.Intensities), x.Maximum.Energy, y.Maximum.Energy,
            MeanSquaredDifference(MeanOne(x.Intensities), MeanOne(y.Intensities)));
    }

    static double[] MeanOne(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values) mean += v;
        mean /= values.Length;
        var scaled = new double[values.Length];
        for (var i = 0; i < values.Length; i++) scaled[i] = mean > 0 ? values[i] / mean : double.NaN;
        return scaled;
    }

    static double MeanSquaredDifference(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += (x[i] - y[i]) * (x[i] - y[i]);
        return sum / x.Length;
    }

    /// <summary>Pearson's correlation coefficient of two equally long series.</summary>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length || x.Length < 2) throw new ArgumentException("Pearson correlation needs two series of the same length (2 or more)");
        double mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++) { mx += x[i]; my += y[i]; }
        mx /= x.Length; my /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
