namespace CoreHole.Structures;

/// <summary>An atom of a crystal: chemical element, fractional coordinates and an optional site label (CIF `_atom_site_label`).</summary>
public sealed record Atom(string Element, Vec3 Fractional, string? Label = null);

/// <summary>A periodic structure: a lattice and the atoms of one cell (every atom, symmetry already applied).</summary>
public sealed record Crystal(string Name, Lattice Lattice, IReadOnlyList<Atom> Atoms)
{
    /// <summary>Atoms closer than this (Å) overlap: the structure file is wrong, and DFT would fail slowly instead of clearly.</summary>
    public const double OverlapDistance = 0.7;

    /// <summary>The file the structure was read from, which errors name (its title may say nothing of where it is).</summary>
    public string? Source { get; init; }

    public Vec3 CartesianPosition(int atom) => Lattice.ToCartesian(Atoms[atom].Fractional);

    public IEnumerable<int> IndicesOf(string element) =>
        Enumerable.Range(0, Atoms.Count).Where(i => Atoms[i].Element == element);

    /// <summary>Shortest distance between atoms i and j over all periodic images (Å).</summary>
    public double Distance(int i, int j)
    {
        var d = Atoms[j].Fractional - Atoms[i].Fractional;
        d = new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));
        var best = double.MaxValue;
        for (var a = -1; a <= 1; a++)
        for (var b = -1; b <= 1; b++)
        for (var c = -1; c <= 1; c++)
            best = Math.Min(best, Lattice.ToCartesian(d + new Vec3(a, b, c)).Length);
        return best;
    }

    /// <summary>
    /// This crystal, checked to be one: at least one atom, finite numbers, a cell of positive volume whose narrowest
    /// width exceeds <see cref="OverlapDistance"/> (else each atom overlaps its own image) and no two atoms closer than
    /// it. Readers check what they read, and <see cref="Symmetry"/> checks again before any spglib call: spglib itself
    /// crashes the process (segmentation fault) on a cell scaled to nothing. Errors name <see cref="Source"/>.
    /// </summary>
    public Crystal Validated()
    {
        if (Atoms.Count == 0) throw Error("no atoms (a truncated file?)");
        Vec3[] vectors = [Lattice.A, Lattice.B, Lattice.C];
        if (!vectors.All(Finite)) throw Error("the cell vectors are not finite numbers");
        var atom = Atoms.FirstOrDefault(a => !Finite(a.Fractional));
        if (atom is not null) throw Error($"atom {atom.Label ?? atom.Element} has a position that is not a finite number");
        var volume = Lattice.Volume;
        if (!(volume > 1e-6 * vectors.Aggregate(1.0, (p, v) => p * v.Length)))
            throw Error($"the cell has no volume ({volume:G3} Å³): its vectors are zero or linearly dependent");
        var narrowest = Lattice.PerpendicularWidths() is var w ? Math.Min(w.X, Math.Min(w.Y, w.Z)) : 0;
        if (!(narrowest > OverlapDistance))
            throw Error($"the cell is {narrowest:G3} Å wide: every atom would overlap its own periodic image (a scale factor of 0 or a wrong unit?)");
        for (var i = 0; i < Atoms.Count; i++)
            for (var j = i + 1; j < Atoms.Count; j++)
                if (Distance(i, j) is var d && d < OverlapDistance)
                    throw Error($"atoms {Atoms[i].Label ?? Atoms[i].Element} and {Atoms[j].Label ?? Atoms[j].Element} are {d:F3} Å apart: overlapping atoms (wrong coordinates or duplicate sites)");
        return this;
    }

    /// <summary>An error about this structure, naming its file (or its name, for one made in memory).</summary>
    public InputError Error(string problem) => Source is null ? new InputError($"{Name}: {problem}") : new InputError(Source, null, problem);

    static bool Finite(Vec3 v) => double.IsFinite(v.X) && double.IsFinite(v.Y) && double.IsFinite(v.Z);
}
