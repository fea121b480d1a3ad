namespace CoreHole.Structures;

/// <summary>
/// The first shell between the cations and oxygen of an oxide, per element: each cation's O neighbours and each O's
/// cation neighbours, with bond lengths, the gap to the next atom of that kind, and the bond angles at the centre.
/// The numbers by which a structure typed from a paper is checked before DFT is spent on it: SiO4 tetrahedra with
/// Si-O near 1.61 Å and O-Si-O near 109.5°, SiO6 octahedra near 1.78 Å, every O bridging two Si.
/// </summary>
/// <param name="Center">The element at the centre (a cation, or O).</param>
/// <param name="Ligand">"O" for a cation; for O, the cations ("Si", or "Al, Ti" in a mixed oxide).</param>
/// <param name="Coordination">How many centre atoms have each number of ligands.</param>
/// <param name="ShortestBond">Shortest bond in the shell (Å).</param>
/// <param name="LongestBond">Longest bond in the shell (Å).</param>
/// <param name="NextLigand">The nearest ligand outside any centre atom's shell (Å): how clearly the shell stands apart.</param>
/// <param name="SmallestAngle">Smallest ligand-centre-ligand angle (degrees), NaN with fewer than two ligands.</param>
/// <param name="LargestAngle">Largest such angle (degrees).</param>
public sealed record OxygenShell(
    string Center,
    string Ligand,
    IReadOnlyDictionary<int, int> Coordination,
    double ShortestBond,
    double LongestBond,
    double NextLigand,
    double SmallestAngle,
    double LargestAngle)
{
    /// <summary>
    /// A shell holds every ligand within this factor of the centre atom's nearest ligand. Bond lengths within one
    /// polyhedron differ by under 10% (Al2O3: 1.85 and 1.97 Å), while the next ligand is 50% or more farther (the O
    /// of a neighbouring tetrahedron sits near 3 Å from Si), so the boundary is not delicate.
    /// </summary>
    public const double ShellFactor = 1.25;

    /// <summary>One shell per element of <paramref name="crystal"/>, cations first in order of appearance, then O.</summary>
    public static IReadOnlyList<OxygenShell> Of(Crystal crystal)
    {
        var elements = crystal.Atoms.Select(a => a.Element).Distinct().OrderBy(e => e == "O").ToList();
        if (!elements.Contains("O") || elements.Count < 2) return [];
        // Far enough that the next ligand beyond the shell of Sr-O (2.8 Å) is still seen.
        var neighbors = Neighbors.Within(crystal, 5.0).GroupBy(n => n.I).ToDictionary(g => g.Key, g => g.ToList());
        return elements.Select(element => Shell(crystal, neighbors, element)).ToList();
    }

    static OxygenShell Shell(Crystal crystal, Dictionary<int, List<Neighbor>> neighbors, string center)
    {
        bool IsLigand(int atom) => center == "O" ? crystal.Atoms[atom].Element != "O" : crystal.Atoms[atom].Element == "O";
        var coordination = new List<int>();
        var bonds = new List<double>();
        var angles = new List<double>();
        var next = double.PositiveInfinity;
        foreach (var i in crystal.IndicesOf(center))
        {
            var ligands = neighbors.GetValueOrDefault(i, []).Where(n => IsLigand(n.J)).OrderBy(n => n.Distance).ToList();
            var shell = ligands.TakeWhile(n => n.Distance <= ShellFactor * ligands[0].Distance).ToList();
            coordination.Add(shell.Count);
            bonds.AddRange(shell.Select(n => n.Distance));
            if (ligands.Count > shell.Count) next = Math.Min(next, ligands[shell.Count].Distance);
            for (var x = 0; x < shell.Count; x++)
                for (var y = x + 1; y < shell.Count; y++)
                    angles.Add(shell[x].Vector.AngleDegrees(shell[y].Vector));
        }
        var ligandNames = center == "O"
            ? string.Join(", ", crystal.Atoms.Select(a => a.Element).Where(e => e != "O").Distinct())
            : "O";
        return new OxygenShell(center, ligandNames, StructureAnalysis.CoordinationHistogram(coordination),
            bonds.DefaultIfEmpty(double.NaN).Min(), bonds.DefaultIfEmpty(double.NaN).Max(), next,
            angles.DefaultIfEmpty(double.NaN).Min(), angles.DefaultIfEmpty(double.NaN).Max());
    }
}
