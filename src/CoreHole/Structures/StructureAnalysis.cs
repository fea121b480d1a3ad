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
}
