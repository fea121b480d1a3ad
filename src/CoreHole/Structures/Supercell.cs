namespace CoreHole.Structures;

/// <summary>
/// A supercell of a primitive cell: its lattice, its atoms (each with the index of the primitive atom it copies),
/// and the integer matrix M with supercell vectors = M x primitive vectors (rows).
/// </summary>
public sealed record Supercell(Crystal Crystal, int[,] Matrix, IReadOnlyList<int> PrimitiveIndex)
{
    public int Size => Crystal.Atoms.Count / PrimitiveIndex.Distinct().Count();

    /// <summary>
    /// One supercell atom copying primitive atom <paramref name="primitiveAtom"/>: the first. All its copies are
    /// equivalent by supercell translations, so any serves as the absorber; the first keeps runs reproducible.
    /// </summary>
    public int AtomAtOrigin(int primitiveAtom) => PrimitiveIndex.ToList().IndexOf(primitiveAtom);

    /// <summary>
    /// The supercell with the fewest atoms whose three perpendicular widths all reach <paramref name="minimumWidth"/> (Å):
    /// the paper's "supercells larger than 8 Å", read as widths so that an oblique cell cannot hide a short
    /// distance between a core hole and its periodic images. Non-diagonal supercells are searched (all Hermite normal
    /// forms of each index, LLL-reduced); among those of the smallest index the one with the largest narrowest width wins.
    /// </summary>
    public static Supercell Smallest(Crystal primitive, double minimumWidth = 8.0, int maximumIndex = 512)
    {
        for (var n = 1; n <= maximumIndex; n++)
        {
            int[,]? best = null;
            var bestWidth = 0.0;
            foreach (var h in HermiteNormalForms(n))
            {
                var reduced = LatticeReduction.Lll(h, primitive.Lattice);
                var width = MinWidth(Apply(reduced, primitive.Lattice));
                if (width >= minimumWidth - 1e-9 && width > bestWidth + 1e-9) { best = reduced; bestWidth = width; }
            }
            if (best != null) return Build(primitive, best);
        }
        throw new InputError($"{primitive.Name}: no supercell of up to {maximumIndex} primitive cells is {minimumWidth} Å wide in every direction");
    }

    static double MinWidth(Lattice l) { var w = l.PerpendicularWidths(); return Math.Min(w.X, Math.Min(w.Y, w.Z)); }

    internal static Lattice Apply(int[,] m, Lattice p)
    {
        Vec3 Row(int r) => m[r, 0] * p.A + m[r, 1] * p.B + m[r, 2] * p.C;
        return new Lattice(Row(0), Row(1), Row(2));
    }

    /// <summary>Lower-triangular Hermite normal forms of determinant n: one per sublattice of index n.</summary>
    static IEnumerable<int[,]> HermiteNormalForms(int n)
    {
        for (var a = 1; a <= n; a++)
        {
            if (n % a != 0) continue;
            for (var c = 1; c <= n / a; c++)
            {
                if (n / a % c != 0) continue;
                var f = n / a / c;
                // Rows are basis vectors: adding row 1 to rows 2, 3 and row 2 to row 3 leaves the sublattice
                // unchanged, so b, d are reduced modulo a and e modulo c.
                for (var b = 0; b < a; b++)
                    for (var d = 0; d < a; d++)
                        for (var e = 0; e < c; e++)
                            yield return new[,] { { a, 0, 0 }, { b, c, 0 }, { d, e, f } };
            }
        }
    }

    /// <summary>The supercell of the given matrix (rows: supercell vectors in primitive-vector units).</summary>
    public static Supercell Build(Crystal primitive, int[,] matrix)
    {
        var lattice = Apply(matrix, primitive.Lattice);
        var n = (int)Math.Round(lattice.Volume / primitive.Lattice.Volume);
        // Primitive translations inside the supercell: enumerate a box that surely covers it, keep one per coset.
        var corners = new List<Vec3>();
        for (var i = 0; i < 8; i++)
            corners.Add(new Vec3(i & 1, (i >> 1) & 1, (i >> 2) & 1));
        var inPrimitive = corners.Select(c => primitive.Lattice.ToFractional(lattice.ToCartesian(c))).ToList();
        int Lo(int k) => (int)Math.Floor(inPrimitive.Min(v => v[k])) - 1;
        int Hi(int k) => (int)Math.Ceiling(inPrimitive.Max(v => v[k])) + 1;

        var atoms = new List<Atom>();
        var index = new List<int>();
        var seen = new HashSet<(long, long, long)>();
        for (var p = 0; p < primitive.Atoms.Count; p++)
        {
            var atom = primitive.Atoms[p];
            for (var t0 = Lo(0); t0 <= Hi(0); t0++)
            for (var t1 = Lo(1); t1 <= Hi(1); t1++)
            for (var t2 = Lo(2); t2 <= Hi(2); t2++)
            {
                var cart = primitive.Lattice.ToCartesian(atom.Fractional + new Vec3(t0, t1, t2));
                var f = lattice.ToFractional(cart);
                // Keep the translation whose image lies inside the supercell [0, 1): one per coset, (0,0,0) included.
                if (f.X < -1e-8 || f.Y < -1e-8 || f.Z < -1e-8 || f.X >= 1 - 1e-8 || f.Y >= 1 - 1e-8 || f.Z >= 1 - 1e-8) continue;
                var key = ((long)Math.Round(f.X * 1e6), (long)Math.Round(f.Y * 1e6), (long)Math.Round(f.Z * 1e6));
                if (!seen.Add(key)) continue;
                atoms.Add(atom with { Fractional = f.Wrapped() });
                index.Add(p);
            }
        }
        if (atoms.Count != n * primitive.Atoms.Count)
            throw new InvalidOperationException($"supercell has {atoms.Count} atoms, expected {n * primitive.Atoms.Count}");
        return new Supercell(new Crystal(primitive.Name, lattice, atoms), matrix, index);
    }
}
