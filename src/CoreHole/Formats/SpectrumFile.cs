using CoreHole.Spectra;

namespace CoreHole.Formats;

/// <summary>One curve of a file, under the name its columns give it ("ldos", "pz", "avg", "O 1 K1", ...).</summary>
public sealed record NamedCurve(string Name, Curve Curve);

/// <summary>A detail worth showing that has no field of its own ("spilling", "Lanczos", "QE version").</summary>
public sealed record Fact(string Name, string Value);

/// <summary>
/// What any reader gives back through <see cref="SpectrumFiles.Read"/>: the curves (main one first), the energies the
/// file states (eV, on the file's own scale), and the threshold the curves align at, with its source.
/// A DFT output has no curves but has levels; a spectrum has curves and perhaps no levels.
/// </summary>
public sealed record SpectrumFile
{
    public required string Path { get; init; }
    /// <summary>The name of the <see cref="FileFormat"/> that read it.</summary>
    public required string Format { get; init; }
    public IReadOnlyList<NamedCurve> Curves { get; init; } = [];
    /// <summary>The atoms or sites the file covers, in words ("54 atoms", "atom 2 (O), p").</summary>
    public string? Sites { get; init; }
    public BandEdges? Edges { get; init; }
    public double? Fermi { get; init; }
    public double? Homo { get; init; }
    public double? Lumo { get; init; }
    /// <summary>Where this file's curves (or the curves of the run it describes) align, on their energy scale.</summary>
    public Threshold? Threshold { get; init; }
    /// <summary>Why the file gives no threshold, in words a user can act on; null when it gives one.</summary>
    public string? NoThresholdReason { get; init; }
    public IReadOnlyList<Fact> Facts { get; init; } = [];

    public Curve CurveNamed(string name) =>
        Curves.FirstOrDefault(c => c.Name == name)?.Curve
        ?? throw new InputError(Path, null,
            $"no curve named '{name}' (curves: {(Curves.Count == 0 ? "none" : string.Join(", ", Curves.Select(c => c.Name)))})");
}
