using System.Numerics;

namespace CoreHole.Learning;

/// <summary>
/// Eigendecomposition A = Σᵢ sᵢ vᵢ vᵢᵀ of a real symmetric matrix, in double: Householder reduction to tridiagonal
/// form, then the implicit QL iteration with shifts (EISPACK's tred2 and tql2, as JAMA has them), about 9n³ flops with
/// the vectors; made for the small dense matrices (n up to a few hundred) of ridge regression's λ search.
/// </summary>
internal static class SymmetricEigen
{
    /// <summary>
    /// The eigenvalues of the symmetric <paramref name="a"/> (only its lower triangle is read; it is not changed), in
    /// ascending order, and the orthonormal eigenvectors as the rows of <c>Vectors</c>: row i belongs to value i.
    /// </summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] a)
    {
        int n = a.GetLength(0);
        if (a.GetLength(1) != n) throw new ArgumentException($"a symmetric matrix is square, got {n}×{a.GetLength(1)}");
        var v = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) v[i, j] = v[j, i] = a[i, j];
        var d = new double[n];
        var e = new double[n];
        if (n > 0)
        {
            Tridiagonalize(v, d, e);
            for (int i = 0; i < n; i++) // the transform's columns become rows, which the QL rotations then sweep contiguously
                for (int j = 0; j < i; j++) (v[i, j], v[j, i]) = (v[j, i], v[i, j]);
            DiagonalizeTridiagonal(v, d, e);
        }
        var order = Enumerable.Range(0, n).OrderBy(i => d[i]).ToArray();
        var vectors = new double[n, n];
        for (int i = 0; i < n; i++) DoubleMatrices.Row(v, order[i]).CopyTo(DoubleMatrices.Row(vectors, i));
        return ([.. order.Select(i => d[i])], vectors);
    }

    /// <summary>
    /// Householder reduction (tred2): on return <paramref name="d"/> is the diagonal, <paramref name="e"/>[1..] the
    /// subdiagonal of the tridiagonal matrix, and the columns of <paramref name="v"/> the accumulated orthogonal transform.
    /// </summary>
    static void Tridiagonalize(double[,] v, double[] d, double[] e)
    {
        int n = d.Length;
        for (int j = 0; j < n; j++) d[j] = v[n - 1, j];
        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0, h = 0; // scaled to avoid under- and overflow
            for (int k = 0; k < i; k++) scale += Math.Abs(d[k]);
            if (scale == 0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++)
                {
                    d[j] = v[i - 1, j];
                    v[i, j] = 0;
                    v[j, i] = 0;
                }
            }
            else
            {
                for (int k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = f > 0 ? -Math.Sqrt(h) : Math.Sqrt(h);
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) e[j] = 0;
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    v[j, i] = f;
                    g = e[j] + v[j, j] * f;
                    for (int k = j + 1; k <= i - 1; k++)
                    {
                        g += v[k, j] * d[k];
                        e[k] += v[k, j] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) e[j] -= hh * d[j];
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) v[k, j] -= f * e[k] + g * d[k];
                    d[j] = v[i - 1, j];
                    v[i, j] = 0;
                }
            }
            d[i] = h;
        }
        for (int i = 0; i < n - 1; i++) // accumulate the transformations
        {
            v[n - 1, i] = v[i, i];
            v[i, i] = 1;
            double h = d[i + 1];
            if (h != 0)
            {
                for (int k = 0; k <= i; k++) d[k] = v[k, i + 1] / h;
                for (int j = 0; j <= i; j++)
                {
                    double g = 0;
                    for (int k = 0; k <= i; k++) g += v[k, i + 1] * v[k, j];
                    for (int k = 0; k <= i; k++) v[k, j] -= g * d[k];
                }
            }
            for (int k = 0; k <= i; k++) v[k, i + 1] = 0;
        }
        for (int j = 0; j < n; j++)
        {
            d[j] = v[n - 1, j];
            v[n - 1, j] = 0;
        }
        v[n - 1, n - 1] = 1;
        e[0] = 0;
    }

    /// <summary>
    /// Implicit QL with shifts (tql2) on the tridiagonal matrix of <paramref name="d"/> and
    /// <paramref name="e"/>, whose tridiagonalising transform are the rows of <paramref name="v"/>: <paramref name="d"/>
    /// becomes the eigenvalues (unsorted) and the rows of <paramref name="v"/> their eigenvectors.
    /// </summary>
    static void DiagonalizeTridiagonal(double[,] v, double[] d, double[] e)
    {
        int n = d.Length;
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0;
        double shift = 0, norm = 0;
        const int MaxIterations = 60; // per eigenvalue; two or three are usual
        const double Precision = 1.0 / (1L << 52); // the spacing of doubles at 1
        for (int l = 0; l < n; l++)
        {
            norm = Math.Max(norm, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n && Math.Abs(e[m]) > Precision * norm) m++; // a negligible subdiagonal element splits the matrix
            if (m > l)
            {
                int iteration = 0;
                do
                {
                    if (++iteration > MaxIterations) throw new InvalidOperationException("symmetric eigendecomposition: QL iteration did not converge");
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Hypot(p, 1);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    shift += h;
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
                    double el1 = e[l + 1];
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        Rotate(DoubleMatrices.Row(v, i), DoubleMatrices.Row(v, i + 1), c, s);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > Precision * norm);
            }
            d[l] += shift;
            e[l] = 0;
        }
    }

    /// <summary>(x, y) ← (c·x − s·y, s·x + c·y), element by element.</summary>
    static void Rotate(Span<double> x, Span<double> y, double c, double s)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (vc, vs) = (new Vector<double>(c), new Vector<double>(s));
            for (; k <= x.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var (xk, yk) = (new Vector<double>(x[k..]), new Vector<double>(y[k..]));
                (vc * xk - vs * yk).CopyTo(x[k..]);
                (vs * xk + vc * yk).CopyTo(y[k..]);
            }
        }
        for (; k < x.Length; k++) (x[k], y[k]) = (c * x[k] - s * y[k], s * x[k] + c * y[k]);
    }

    /// <summary>√(a² + b²) without overflow or destructive underflow.</summary>
    static double Hypot(double a, double b)
    {
        (a, b) = (Math.Abs(a), Math.Abs(b));
        if (a < b) (a, b) = (b, a);
        if (a == 0) return 0;
        double ratio = b / a;
        return a * Math.Sqrt(1 + ratio * ratio);
    }
}
