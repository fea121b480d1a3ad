using CoreHole.Structures;

namespace CoreHole.Amorphous;

/// <summary>
/// The start of a melt-quench: SiO2's atoms at random in the protocol's cube, no two closer than
/// <see cref="MeltQuenchProtocol.StartMinimumDistance"/>. The seed alone fixes the positions (the generator's stream is
/// CoreHole's own), so cells of different seeds are independent and a cell of a given seed is remade identically.
/// </summary>
public static class RandomStart
{
    const int TriesPerAtom = 100_000;

    public static Crystal Silica(MeltQuenchProtocol protocol, int seed, string name)
    {
        var edge = protocol.BoxLength;
        var lattice = new Lattice(new Vec3(edge, 0, 0), new Vec3(0, edge, 0), new Vec3(0, 0, edge));
        var random = new SeededRandom(seed);
        var elements = Enumerable.Repeat("Si", protocol.FormulaUnits).Concat(Enumerable.Repeat("O", 2 * protocol.FormulaUnits));
        var atoms = new List<Atom>();
        foreach (var element in elements)
        {
            var placed = false;
            for (var attempt = 0; attempt < TriesPerAtom && !placed; attempt++)
            {
                var position = new Vec3(random.NextFloat(), random.NextFloat(), random.NextFloat());
                if (atoms.All(a => MinimumImageDistance(a.Fractional, position, edge) >= MeltQuenchProtocol.StartMinimumDistance))
                {
                    atoms.Add(new Atom(element, position, $"{element}{atoms.Count(a => a.Element == element) + 1}"));
                    placed = true;
                }
            }
            if (!placed)
                throw new InputError($"no room for atom {atoms.Count + 1} of {protocol.Atoms} in a {edge:F2} Å cube: the density {protocol.Density} g/cm3 is too high for a random start");
        }
        return new Crystal(name, lattice, atoms);
    }

    static double MinimumImageDistance(Vec3 a, Vec3 b, double edge)
    {
        double Wrapped(double d) => (d - Math.Round(d)) * edge;
        var d = b - a;
        return new Vec3(Wrapped(d.X), Wrapped(d.Y), Wrapped(d.Z)).Length;
    }
}
