using CoreHole.Spectra;

namespace CoreHole.Tests.Spectra;

/// <summary>Curves with known closed forms for the spectra tests.</summary>
internal static class Analytic
{
    public static double Gaussian(double x, double center, double sigma) =>
        Math.Exp(-0.5 * Math.Pow((x - center) / sigma, 2)) / (sigma * Math.Sqrt(2 * Math.PI));

    public static double[] Uniform(double start, double step, int count) => new EnergyGrid(start, step, count).ToArray();

    public static Curve Sampled(double[] energies, Func<double, double> f) => new(energies, Array.ConvertAll(energies, e => f(e)));
}
