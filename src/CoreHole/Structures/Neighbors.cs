namespace CoreHole.Structures;

/// <summary>Atom <paramref name="J"/> (in some periodic image) seen from atom <paramref name="I"/>: the vector from I to it (Å) and its length.</summary>
public readonly record struct Neighbor(int I, int J, Vec3 Vector, double Distance);

/// <summary>Every neighbour within a radius, over all periodic images, also in cells narrower than twice the radius.</summary>
public static class Neighbors
{
    /// <summary>
    /// Each ordered pair (i, j) once per image closer than <paramref name="radius"/>, so every pair appears from both
    /// ends; an atom's own images count as its neighbours, an atom itself does not.
    /// </summary>
    public static IReadOnlyList<Neighbor> Within(Crystal crystal, double radius)
    {
        var widths = crystal.Lattice.PerpendicularWidths();
        // After reducing a fractional difference into [-1/2, 1/2], image t lies at least (|t| - 1/2) widths away.
        int Reach(double width) => (int)Math.Ceiling(radius / width + 0.5);
        var (na, nb, nc) = (Reach(widths.X), Reach(widths.Y), Reach(widths.Z));
        var neighbors = new List<Neighbor>();
        for (var i = 0; i < crystal.Atoms.Count; i++)
        for (var j = 0; j < crystal.Atoms.Count; j++)
        {
            var d = crystal.Atoms[j].Fractional - crystal.Atoms[i].Fractional;
            d = new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));
            for (var a = -na; a <= na; a++)
            for (var b = -nb; b <= nb; b++)
            for (var c = -nc; c <= nc; c++)
            {
                var vector = crystal.Lattice.ToCartesian(d + new Vec3(a, b, c));
                var distance = vector.Length;
                if (distance < radius && (i != j || distance > 1e-8)) neighbors.Add(new Neighbor(i, j, vector, distance));
            }
        }
        return neighbors;
    }
}
