namespace CoreHole.Structures;

/// <summary>Measures of a periodic structure used to judge a model: density, coordination, shortest distances, bond angles.</summary>
public static class StructureAnalysis
{
    /// <summary>One atomic mass unit per Å³, in g/cm³.</summary>
    public const double AmuPerCubicAngstrom = 1.66053906660;

    public static double Density(Crystal crystal) =>
        crystal.Atoms.Sum(a => Elements.Mass(a.Element)) / crystal.Lattice.Volume * AmuPerCubicAngstrom;

    /// <summary>How many atoms of <paramref name="ligand"/> lie within <paramref name="cutoff"/> of each <paramref name="center"/> atom, in atom order.</summary>
    public static int[] Coordination(Crystal crystal, IReadOnlyList<Neighbor> neighbors, string center, string ligand, double cutoff)
    {
        var counts = new int[crystal.Atoms.Count];
        foreach (var n in Bonds(crystal, neighbors, center, ligand, cutoff)) counts[n.I]++;
        return crystal.IndicesOf(center).Select(i => counts[i]).ToArray();
    }

    /// <summary>How many <paramref name="center"/> atoms have each coordination number.</summary>
    public static SortedDictionary<int, int> CoordinationHistogram(IEnumerable<int> coordination) =>
        new(coordination.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>The shortest distance between an atom of <paramref name="a"/> and one of <paramref name="b"/> among the neighbours given (infinity if none).</summary>
    public static double MinimumDistance(Crystal crystal, IReadOnlyList<Neighbor> neighbors, string a, string b) =>
        Bonds(crystal, neighbors, a, b, double.PositiveInfinity).Select(n => n.Distance).DefaultIfEmpty(double.PositiveInfinity).Min();

    /// <summary>
    /// The mean angle (degrees) end-vertex-end over every pair of <paramref name="end"/> atoms bonded to a
    /// <paramref name="vertex"/> atom (Si-O-Si: vertex O, ends Si); NaN if there is no such pair.
    /// </summary>
    public static double MeanBondAngle(Crystal crystal, IReadOnlyList<Neighbor> neighbors, string vertex, string end, double cutoff)
    {
        var angles = Bonds(crystal, neighbors, vertex, end, cutoff).GroupBy(n => n.I).SelectMany(bonds =>
        {
            var b = bonds.ToList();
            return from x in Enumerable.Range(0, b.Count)
                   from y in Enumerable.Range(x + 1, b.Count - x - 1)
                   select b[x].Vector.AngleDegrees(b[y].Vector);
        }).ToList();
        return angles.Count == 0 ? double.NaN : angles.Average();
    }

    /// <summary>The neighbours given that go from an <paramref name="a"/> atom to a <paramref name="b"/> atom closer than <paramref name="cutoff"/>.</summary>
    public static IEnumerable<Neighbor> Bonds(Crystal crystal, IReadOnlyList<Neighbor> neighbors, string a, string b, double cutoff) =>
        neighbors.Where(n => n.Distance < cutoff && crystal.Atoms[n.I].Element == a && crystal.Atoms[n.J].Element == b);

    /// <summary>
    /// How two cells of a structure differ, or null when they hold the same structure: the same composition per volume
    /// and, for each pair of elements, the same distances out to <paramref name="radius"/>. Independent of the cell
    /// chosen (primitive or not, any origin or setting), so a plan made by an older primitive-cell search still matches.
    /// </summary>
    public static string? Difference(Crystal planned, Crystal given, double radius = 3.2, double tolerance = 2e-3)
    {
        var (atomsPlanned, atomsGiven) = (planned.Atoms.Count, given.Atoms.Count);
        // Composition as each element's share of the atoms, so a cell and its supercell agree.
        string Composition(Crystal c) => string.Join(" ", c.Atoms.GroupBy(a => a.Element).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {(double)g.Count() / c.Atoms.Count:F4}"));
        double PerAtom(Crystal c) => c.Lattice.Volume / c.Atoms.Count;
        if (Composition(given) != Composition(planned))
            return $"composition (fraction of atoms) {Composition(given)} vs {Composition(planned)} planned";
        if (Math.Abs(PerAtom(planned) - PerAtom(given)) > 1e-3 * PerAtom(planned))
            return $"volume per atom {PerAtom(given):F3} vs {PerAtom(planned):F3} Å³ planned";
        // Pair distances sorted: a cell n times larger lists each n times, so its every n-th entry must match.
        var (small, large) = atomsGiven >= atomsPlanned ? (planned, given) : (given, planned);
        if (large.Atoms.Count % small.Atoms.Count != 0)
            return $"cells of {atomsGiven} and {atomsPlanned} atoms, not one a supercell of the other";
        var times = large.Atoms.Count / small.Atoms.Count;
        // Gathered a little past the radius, so a distance at the radius itself cannot fall in one list and not the other.
        SortedDictionary<string, double[]> Shells(Crystal c) => new(Neighbors.Within(c, radius + 10 * tolerance)
            .GroupBy(n => string.Join("-", new[] { c.Atoms[n.I].Element, c.Atoms[n.J].Element }.Order(StringComparer.Ordinal)))
            .ToDictionary(g => g.Key, g => g.Select(n => n.Distance).Order().ToArray()), StringComparer.Ordinal);
        var (shellsSmall, shellsLarge) = (Shells(small), Shells(large));
        foreach (var pair in shellsSmall.Keys.Union(shellsLarge.Keys).Order(StringComparer.Ordinal))
        {
            var few = shellsSmall.GetValueOrDefault(pair, []).Where(d => d < radius).ToArray();
            var many = shellsLarge.GetValueOrDefault(pair, []);
            if (many.Length < few.Length * times || (many.Length > few.Length * times && many[few.Length * times] < radius - tolerance))
                return $"{pair} distances within {radius} Å differ in number";
            var worst = Enumerable.Range(0, few.Length).Select(k => Math.Abs(few[k] - many[k * times])).DefaultIfEmpty(0).Max();
            if (worst > tolerance) return $"{pair} distances differ by up to {worst:F3} Å";
        }
        return null;
    }
}
