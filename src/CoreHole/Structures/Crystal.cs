namespace CoreHole.Structures;

/// <summary>An atom of a crystal: chemical element, fractional coordinates and an optional site label (CIF `_atom_site_label`).</summary>
public sealed record Atom(string Element, Vec3 Fractional, string? Label = null);

/// <summary>A periodic structure: a lattice and the atoms of one cell (every atom, symmetry already applied).</summary>
public sealed record Crystal(string Name, Lattice Lattice, IReadOnlyList<Atom> Atoms)
{
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
}
