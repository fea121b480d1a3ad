namespace CoreHole.Spectra;

/// <summary>
/// Gaussian broadening by the standard deviation sigma (the paper: "a Gaussian with a deviation of 0.5 eV").
/// FWHM is offered only under a name that says FWHM.
/// <para>
/// Each sample is treated as a stick carrying its trapezoid-rule area, y_i·(e_{i+1} − e_{i−1})/2, and every stick
/// becomes a normalised Gaussian. So the broadened curve keeps the trapezoid area of the input exactly (over the
/// whole real line), on uniform and non-uniform grids alike, and a single spike of height h on a grid of step Δ
/// broadens to exactly h·Δ·N(E; e₀, σ). Tails beyond the output grid are not represented: evaluate onto a wider grid
/// when the area near the ends matters.
/// </para>
/// <para>
/// Each output point sums the sticks within the kernel's reach. When that would be slow (a curve broadened on its
/// own uniform grid with many samples under the kernel: the 1.7-million-point spectrum of issue 32), the same sum
/// is one FFT convolution (<see cref="Convolution"/>), equal to rounding; so the work is O(n log n), not O(n²).
/// </para>
/// </summary>
public static class Broadening
{
    /// <summary>FWHM / sigma of a Gaussian: 2·sqrt(2·ln 2).</summary>
    public const double FwhmPerSigma = 2.3548200450309493;

    /// <summary>Sticks further than this many sigma from an output point contribute below 1e-21 of their area.</summary>
    const double CutoffSigmas = 10;

    public static Curve BroadenGaussian(this Curve curve, double sigmaEv) =>
        curve.BroadenGaussianOnto(sigmaEv, null);

    /// <summary>Broadens and evaluates the result on <paramref name="grid"/> in one step (no interpolation error).</summary>
    public static Curve BroadenGaussian(this Curve curve, double sigmaEv, EnergyGrid grid) =>
        curve.BroadenGaussianOnto(sigmaEv, grid.ToArray());

    /// <summary>The same broadening with the width given as full width at half maximum.</summary>
    public static Curve BroadenGaussianFwhm(this Curve curve, double fwhmEv) =>
        curve.BroadenGaussian(fwhmEv / FwhmPerSigma);

    /// <summary>
    /// Lorentzian broadening by its half width at half maximum, gamma: the broadening XSpectra applies with
    /// <c>xgamma</c>. Lorentzians compose by adding half-widths, so a spectrum plotted with xgamma = 0.1 eV and broadened
    /// here by 0.4 eV equals the same spectrum plotted with xgamma = 0.5 eV. Tails are kept out to 200 gamma.
    /// </summary>
    public static Curve BroadenLorentzian(this Curve curve, double gammaEv)
    {
        if (!double.IsFinite(gammaEv) || gammaEv <= 0)
            throw new InputError($"Lorentzian half-width must be a positive number of eV, got {gammaEv}");
        return curve.BroadenOnto(new Lorentzian(gammaEv), null);
    }

    static Curve BroadenGaussianOnto(this Curve curve, double sigmaEv, double[]? output)
    {
        if (!double.IsFinite(sigmaEv) || sigmaEv <= 0)
            throw new InputError($"Gaussian sigma must be a positive number of eV, got {sigmaEv}");
        return curve.BroadenOnto(new Gaussian(sigmaEv), output);
    }

    /// <summary>A normalised line shape: its value at a distance from the stick, and the distance beyond which it is dropped.</summary>
    interface IKernel
    {
        double Reach { get; }
        double At(double distance);
    }

    readonly struct Gaussian(double sigma) : IKernel
    {
        readonly double _norm = 1 / (sigma * Math.Sqrt(2 * Math.PI));
        public double Reach => CutoffSigmas * sigma;
        public double At(double distance) { var u = distance / sigma; return _norm * Math.Exp(-0.5 * u * u); }
    }

    readonly struct Lorentzian(double gamma) : IKernel
    {
        public double Reach => 200 * gamma;
        public double At(double distance) => gamma / (Math.PI * (distance * distance + gamma * gamma));
    }

    /// <summary>Direct sums cheaper than this many kernel evaluations stay direct (every ordinary spectrum file).</summary>
    const double DirectSumLimit = 5e7;

    /// <param name="output">The grid to evaluate on; null: the curve's own.</param>
    static Curve BroadenOnto<TKernel>(this Curve curve, TKernel kernel, double[]? output) where TKernel : struct, IKernel
    {
        var e = curve.Energies;
        var weights = StickAreas(curve);
        if (output is null)
        {
            output = e.ToArray();
            // Offsets beyond the grid's span never meet a sample: the kernel stops there.
            if (curve.UniformStep is { } step && (int)Math.Min(Math.Floor(kernel.Reach / step), e.Length - 1) is var half
                && (2.0 * half + 1) * e.Length > DirectSumLimit)
            {
                var shape = new double[2 * half + 1];
                for (var m = 0; m < shape.Length; m++) shape[m] = kernel.At((m - half) * step);
                return Curve.Own(output, Convolution.Centered(weights, shape));
            }
        }
        var result = new double[output.Length];
        var first = 0;
        for (var j = 0; j < output.Length; j++)
        {
            var x = output[j];
            while (first < e.Length && e[first] < x - kernel.Reach) first++;
            var sum = 0.0;
            for (var i = first; i < e.Length && e[i] <= x + kernel.Reach; i++)
                sum += weights[i] * kernel.At(x - e[i]);
            result[j] = sum;
        }
        return Curve.Own(output, result);
    }

    /// <summary>The trapezoid weight of each sample times its intensity; they sum to the curve's trapezoid integral.</summary>
    static double[] StickAreas(Curve curve)
    {
        var e = curve.Energies;
        var y = curve.Intensities;
        var w = new double[e.Length];
        for (var i = 0; i < e.Length; i++)
        {
            var left = i > 0 ? e[i] - e[i - 1] : 0;
            var right = i < e.Length - 1 ? e[i + 1] - e[i] : 0;
            w[i] = 0.5 * (left + right) * y[i];
        }
        return w;
    }
}
