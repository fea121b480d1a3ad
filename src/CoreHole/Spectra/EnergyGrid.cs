namespace CoreHole.Spectra;

/// <summary>
/// A uniform energy grid: <see cref="Count"/> points <see cref="Start"/> + i·<see cref="Step"/> (eV).
/// Points are computed from the index, not accumulated, and rounded to 1e-12 eV so that -1 + 3·0.1 is -0.7.
/// </summary>
public sealed record EnergyGrid
{
    public double Start { get; }
    public double Step { get; }
    public int Count { get; }

    public EnergyGrid(double start, double step, int count)
    {
        if (!double.IsFinite(start) || !double.IsFinite(step) || step <= 0)
            throw new InputError($"an energy grid needs a finite start and a positive step (got {start}, {step})");
        if (count < 2) throw new InputError($"an energy grid needs at least 2 points (got {count})");
        (Start, Step, Count) = (start, step, count);
    }

    /// <summary>
    /// The paper's window for PDOS and spectra, aligned at their thresholds: "-1 to 15 eV in increments of 0.1 eV,
    /// resulting in 160 dimensions". 160 points from -1.0 eV end at 14.9 eV, so the window is half-open: [-1, 15),
    /// 15.0 excluded.
    /// </summary>
    public static EnergyGrid Conduction { get; } = new(-1.0, 0.1, 160);

    /// <summary>The valence input: [-20, 15) eV around the mid-gap, 0.1 eV apart: 350 points, the last at 14.9 eV.</summary>
    public static EnergyGrid Valence { get; } = new(-20.0, 0.1, 350);

    public double this[int i] => Math.Round(Start + i * Step, 12);

    public double Last => this[Count - 1];

    /// <summary>The same grid moved by <paramref name="deltaEv"/>: e.g. the conduction window around an absolute CBM.</summary>
    public EnergyGrid Shifted(double deltaEv) => new(Start + deltaEv, Step, Count);

    public double[] ToArray()
    {
        var e = new double[Count];
        for (var i = 0; i < Count; i++) e[i] = this[i];
        return e;
    }

    public override string ToString() => $"{Start:0.###} to {Last:0.###} eV, step {Step:0.####} eV, {Count} points";
}
