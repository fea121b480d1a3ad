namespace CoreHole.Structures;

/// <summary>
/// Three lattice vectors a, b, c in Cartesian Å (the rows of the matrix, as QE's CELL_PARAMETERS and POSCAR write them).
/// </summary>
public sealed record Lattice(Vec3 A, Vec3 B, Vec3 C)
{
    public Vec3 this[int i] => i switch { 0 => A, 1 => B, 2 => C, _ => throw new ArgumentOutOfRangeException(nameof(i)) };

    public double Volume => Math.Abs(A.Dot(B.Cross(C)));

    /// <summary>Cell from lengths (Å) and angles (degrees), with a along x and b in the xy plane (the CIF convention).</summary>
    public static Lattice FromParameters(double a, double b, double c, double alpha, double beta, double gamma)
    {
        double ca = Math.Cos(alpha * Math.PI / 180), cb = Math.Cos(beta * Math.PI / 180);
        double cg = Math.Cos(gamma * Math.PI / 180), sg = Math.Sin(gamma * Math.PI / 180);
        var cx = c * cb;
        var cy = c * (ca - cb * cg) / sg;
        var cz = Math.Sqrt(Math.Max(c * c - cx * cx - cy * cy, 0));
        return new Lattice(new Vec3(a, 0, 0), new Vec3(b * cg, b * sg, 0), new Vec3(cx, cy, cz));
    }

    /// <summary>Lengths (Å) and angles (degrees): the inverse of <see cref="FromParameters"/>, as CIF files state a cell.</summary>
    public (double A, double B, double C, double Alpha, double Beta, double Gamma) Parameters() =>
        (A.Length, B.Length, C.Length, B.AngleDegrees(C), A.AngleDegrees(C), A.AngleDegrees(B));

    public Vec3 ToCartesian(Vec3 f) => f.X * A + f.Y * B + f.Z * C;

    public Vec3 ToFractional(Vec3 r)
    {
        var v = A.Dot(B.Cross(C));
        return new Vec3(r.Dot(B.Cross(C)) / v, r.Dot(C.Cross(A)) / v, r.Dot(A.Cross(B)) / v);
    }

    /// <summary>
    /// The distance between the two lattice planes spanned by the other two vectors, for each vector: the widths
    /// the paper's "larger than 8 Å" supercell rule is about (for an oblique cell they are shorter than |a|, |b|, |c|).
    /// </summary>
    public Vec3 PerpendicularWidths()
    {
        var v = Volume;
        return new Vec3(v / B.Cross(C).Length, v / C.Cross(A).Length, v / A.Cross(B).Length);
    }
}
