namespace CoreHole.Structures;

/// <summary>LLL reduction of an integer supercell matrix, so that a supercell is described by short, nearly orthogonal vectors.</summary>
static class LatticeReduction
{
    /// <summary>Returns U M with U unimodular, such that the rows of (U M) x primitive are LLL-reduced (delta 0.99) and right-handed.</summary>
    public static int[,] Lll(int[,] matrix, Lattice primitive)
    {
        var m = (int[,])matrix.Clone();
        Vec3 Row(int r) => Supercell.Apply(m, primitive)[r];
        var k = 1;
        var guard = 0;
        while (k < 3 && guard++ < 10_000)
        {
            var basis = new[] { Row(0), Row(1), Row(2) };
            var (ortho, mu) = GramSchmidt(basis);
            for (var j = k - 1; j >= 0; j--)
            {
                var q = (int)Math.Round(mu[k, j]);
                if (q == 0) continue;
                for (var c = 0; c < 3; c++) m[k, c] -= q * m[j, c];
                basis = [Row(0), Row(1), Row(2)];
                (ortho, mu) = GramSchmidt(basis);
            }
            if (ortho[k].Dot(ortho[k]) >= (0.99 - mu[k, k - 1] * mu[k, k - 1]) * ortho[k - 1].Dot(ortho[k - 1])) k++;
            else
            {
                for (var c = 0; c < 3; c++) (m[k, c], m[k - 1, c]) = (m[k - 1, c], m[k, c]);
                k = Math.Max(k - 1, 1);
            }
        }
        var l = Supercell.Apply(m, primitive);
        if (l.A.Dot(l.B.Cross(l.C)) < 0)
            for (var c = 0; c < 3; c++) m[2, c] = -m[2, c];
        return m;
    }

    static (Vec3[] Ortho, double[,] Mu) GramSchmidt(Vec3[] b)
    {
        var ortho = new Vec3[3];
        var mu = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            ortho[i] = b[i];
            for (var j = 0; j < i; j++)
            {
                mu[i, j] = b[i].Dot(ortho[j]) / ortho[j].Dot(ortho[j]);
                ortho[i] = ortho[i] - mu[i, j] * ortho[j];
            }
        }
        return (ortho, mu);
    }
}
