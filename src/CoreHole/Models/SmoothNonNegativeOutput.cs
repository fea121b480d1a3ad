using CoreHole.Learning;
using CoreHole.Learning.Kernels;

namespace CoreHole.Models;

/// <summary>The last step of an ensemble member, from its network's linear output z to a spectrum y, with its gradient.</summary>
internal interface IOutputHead
{
    /// <summary>y from z for the first <paramref name="rows"/> rows.</summary>
    void Forward(Matrix z, Matrix y, int rows);

    /// <summary>∂z from ∂y for the first <paramref name="rows"/> rows.</summary>
    void Backward(Matrix z, Matrix outputGradient, Matrix zGradient, int rows);
}

/// <summary>
/// B, whose column j is a Gaussian of standard deviation <c>sigmaPoints</c> grid points centred on point j, normalised
/// to unit sum over the grid: every B·v is a sum of such Gaussians, the form of the targets themselves, which are
/// spectra broadened by the same Gaussian (0.5 eV = 5 points of CoreHole's 0.1 eV grid).
/// </summary>
internal sealed class GaussianBasis
{
    readonly float[] basis, basisTransposed; // B[i, j] row-major, and Bᵀ

    public GaussianBasis(int width, double sigmaPoints)
    {
        Width = width;
        basis = new float[width * width];
        basisTransposed = new float[width * width];
        for (int j = 0; j < width; j++)
        {
            var column = Enumerable.Range(0, width).Select(i => Math.Exp(-0.5 * Math.Pow((i - j) / sigmaPoints, 2))).ToArray();
            double sum = column.Sum();
            for (int i = 0; i < width; i++) basis[i * width + j] = basisTransposed[j * width + i] = (float)(column[i] / sum);
        }
    }

    public int Width { get; }

    /// <summary>Bᵀ row-major: a row of coefficients times it is a row of outputs (how an exported graph applies B).</summary>
    public ReadOnlySpan<float> BasisTransposed => basisTransposed;

    /// <summary>output = B·v.</summary>
    public void Apply(ReadOnlySpan<float> v, Span<float> output)
    {
        for (int i = 0; i < Width; i++) output[i] = FixedOrderSum.Dot(basis.AsSpan(i * Width, Width), v);
    }

    /// <summary>(Bᵀ·dy)[j].</summary>
    public float TransposedAt(int j, ReadOnlySpan<float> dy) => FixedOrderSum.Dot(basisTransposed.AsSpan(j * Width, Width), dy);
}

/// <summary>
/// An output layer whose spectra are non-negative and smooth by construction: y = B·softplus(z) with B the
/// <see cref="GaussianBasis"/>: every output is a non-negative sum of σ = 0.5 eV Gaussians.
/// </summary>
internal sealed class SmoothNonNegativeOutput(int width, double sigmaPoints) : IOutputHead
{
    readonly GaussianBasis basis = new(width, sigmaPoints);
    readonly float[] softplus = new float[width];

    public void Forward(Matrix z, Matrix y, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            Softplus(z.Row(r), softplus);
            basis.Apply(softplus, y.Row(r));
        }
    }

    /// <summary>∂z = sigmoid(z) ⊙ Bᵀ·∂y, row by row.</summary>
    public void Backward(Matrix z, Matrix outputGradient, Matrix zGradient, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            var dy = outputGradient.Row(r);
            var dz = zGradient.Row(r);
            var zr = z.Row(r);
            for (int j = 0; j < width; j++) dz[j] = basis.TransposedAt(j, dy) / (1 + MathF.Exp(-zr[j]));
        }
    }

    /// <summary>softplus(x) = log(1 + eˣ), computed without overflow.</summary>
    static void Softplus(ReadOnlySpan<float> x, Span<float> result)
    {
        for (int i = 0; i < x.Length; i++) result[i] = MathF.Max(x[i], 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(x[i])));
    }

    /// <summary>The z whose softplus is <paramref name="y"/> (&gt; 0): an output bias that starts the network at a spectrum.</summary>
    public static float InverseSoftplus(float y) => y > 20 ? y : MathF.Log(MathF.Exp(y) - 1);
}

/// <summary>y = B·z with B the <see cref="GaussianBasis"/>: a smooth correction of either sign (a residual).</summary>
internal sealed class SmoothLinearOutput(int width, double sigmaPoints) : IOutputHead
{
    readonly GaussianBasis basis = new(width, sigmaPoints);

    public void Forward(Matrix z, Matrix y, int rows)
    {
        for (int r = 0; r < rows; r++) basis.Apply(z.Row(r), y.Row(r));
    }

    public void Backward(Matrix z, Matrix outputGradient, Matrix zGradient, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            var dy = outputGradient.Row(r);
            var dz = zGradient.Row(r);
            for (int j = 0; j < width; j++) dz[j] = basis.TransposedAt(j, dy);
        }
    }
}
