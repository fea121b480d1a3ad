namespace CoreHole.Spectra;

/// <summary>What resampling does where the target grid reaches beyond the curve's energy range.</summary>
public enum OutsideRange
{
    /// <summary>An input error: the data do not cover the window (e.g. too few empty bands for a PDOS).</summary>
    Reject,
    /// <summary>Zero intensity outside: right for a DOS below its lowest band, or a spectrum cut below its edge.</summary>
    Zero,
}

/// <summary>
/// An immutable curve: intensities on a strictly increasing energy grid (eV), at least two points, all finite.
/// Every operation returns a new curve; operations that combine curves check that their grids agree.
/// Bad data is an <see cref="InputError"/>, because it comes from a user's file.
/// </summary>
public sealed class Curve
{
    readonly double[] energies;
    readonly double[] intensities;

    public Curve(ReadOnlySpan<double> energies, ReadOnlySpan<double> intensities)
        : this(energies.ToArray(), intensities.ToArray()) { }

    /// <summary>Takes ownership of the arrays (no copy): for operations that have just made them.</summary>
    Curve(double[] energies, double[] intensities)
    {
        Validate(energies, intensities);
        this.energies = energies;
        this.intensities = intensities;
    }

    internal static Curve Own(double[] energies, double[] intensities) => new(energies, intensities);

    public ReadOnlySpan<double> Energies => energies;
    public ReadOnlySpan<double> Intensities => intensities;
    public int Count => energies.Length;
    public double FirstEnergy => energies[0];
    public double LastEnergy => energies[^1];

    /// <summary>The energy step when the grid is uniform (within 1e-6 of the mean step), otherwise null.</summary>
    public double? UniformStep
    {
        get
        {
            var mean = (LastEnergy - FirstEnergy) / (Count - 1);
            for (var i = 1; i < Count; i++)
                if (Math.Abs(energies[i] - energies[i - 1] - mean) > 1e-6 * Math.Max(1, Math.Abs(mean)) + 1e-9) return null;
            return mean;
        }
    }

    /// <summary>Energy and intensity of the highest point (the first, if several are equal).</summary>
    public (double Energy, double Intensity) Maximum
    {
        get
        {
            var best = 0;
            for (var i = 1; i < Count; i++) if (intensities[i] > intensities[best]) best = i;
            return (energies[best], intensities[best]);
        }
    }

    /// <summary>Moves the energy axis by <paramref name="deltaEv"/>.</summary>
    public Curve Shifted(double deltaEv)
    {
        RequireFinite(deltaEv, "energy shift");
        return Own(Array.ConvertAll(energies, e => e + deltaEv), intensities);
    }

    /// <summary>Puts <paramref name="thresholdEv"/> (on this curve's scale) at 0 eV, as the paper aligns every curve.</summary>
    public Curve AlignedTo(double thresholdEv) => Shifted(-thresholdEv);

    public Curve Scaled(double factor)
    {
        RequireFinite(factor, "scale factor");
        return Own(energies, Array.ConvertAll(intensities, y => y * factor));
    }

    /// <summary>Point-by-point sum; the grids must be the same.</summary>
    public Curve Plus(Curve other)
    {
        RequireSameGrid(other);
        var sum = new double[Count];
        for (var i = 0; i < Count; i++) sum[i] = intensities[i] + other.intensities[i];
        return Own(energies, sum);
    }

    /// <summary>Point-by-point mean of curves on one grid (e.g. the x, y, z polarisations).</summary>
    public static Curve Average(IReadOnlyList<Curve> curves)
    {
        if (curves.Count == 0) throw new InputError("nothing to average");
        var sum = curves[0];
        for (var i = 1; i < curves.Count; i++) sum = sum.Plus(curves[i]);
        return sum.Scaled(1.0 / curves.Count);
    }

    /// <summary>Linear interpolation between samples; outside the grid, per <paramref name="outside"/>.</summary>
    public double ValueAt(double energy, OutsideRange outside = OutsideRange.Reject)
    {
        if (energy < FirstEnergy || energy > LastEnergy)
            return outside == OutsideRange.Zero
                ? 0
                : throw new InputError($"energy {energy:0.###} eV is outside the curve ({FirstEnergy:0.###} to {LastEnergy:0.###} eV)");
        var i = Array.BinarySearch(energies, energy);
        if (i >= 0) return intensities[i];
        var hi = ~i;
        var t = (energy - energies[hi - 1]) / (energies[hi] - energies[hi - 1]);
        return intensities[hi - 1] + t * (intensities[hi] - intensities[hi - 1]);
    }

    /// <summary>
    /// Linear interpolation onto <paramref name="grid"/>. Broaden first when going to a coarser grid: interpolation
    /// samples, it does not average, so unbroadened sharp features would alias.
    /// </summary>
    public Curve Resampled(EnergyGrid grid, OutsideRange outside = OutsideRange.Reject)
    {
        var e = grid.ToArray();
        return Own(e, Array.ConvertAll(e, x => ValueAt(x, outside)));
    }

    /// <summary>Integral of the piecewise-linear curve over its whole grid (trapezoid rule).</summary>
    public double Integral() => Integral(FirstEnergy, LastEnergy);

    /// <summary>Integral of the piecewise-linear curve over [from, to], clipped to the grid; exact for that interpolant.</summary>
    public double Integral(double fromEv, double toEv)
    {
        if (!(fromEv < toEv)) throw new InputError($"integration window [{fromEv}, {toEv}] is empty");
        double lo = Math.Max(fromEv, FirstEnergy), hi = Math.Min(toEv, LastEnergy), sum = 0;
        for (var i = 1; i < Count; i++)
        {
            double a = Math.Max(energies[i - 1], lo), b = Math.Min(energies[i], hi);
            if (b > a) sum += 0.5 * (b - a) * (ValueAt(a) + ValueAt(b));
        }
        return sum;
    }

    /// <summary>Throws unless <paramref name="other"/> has the same energies (to 1e-9 eV).</summary>
    public void RequireSameGrid(Curve other)
    {
        if (other.Count != Count)
            throw new InputError($"grids differ: {Count} points vs {other.Count} points");
        for (var i = 0; i < Count; i++)
            if (Math.Abs(energies[i] - other.energies[i]) > 1e-9)
                throw new InputError($"grids differ at point {i + 1}: {energies[i]} eV vs {other.energies[i]} eV");
    }

    static void Validate(double[] energies, double[] intensities)
    {
        if (energies.Length != intensities.Length)
            throw new InputError($"{energies.Length} energies but {intensities.Length} intensities");
        if (energies.Length < 2) throw new InputError($"a curve needs at least 2 points, got {energies.Length}");
        for (var i = 0; i < energies.Length; i++)
        {
            if (!double.IsFinite(energies[i]) || !double.IsFinite(intensities[i]))
                throw new InputError($"point {i + 1} is not finite ({energies[i]} eV, {intensities[i]})");
            if (i > 0 && !(energies[i] > energies[i - 1]))
                throw new InputError($"energies must increase: point {i + 1} ({energies[i]} eV) follows {energies[i - 1]} eV");
        }
    }

    static void RequireFinite(double value, string what)
    {
        if (!double.IsFinite(value)) throw new InputError($"{what} is not finite: {value}");
    }
}
