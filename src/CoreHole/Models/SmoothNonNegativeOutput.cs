using System.Numerics.Tensors;
using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// An output layer whose spectra are non-negative and smooth by construction: y = B·softplus(z), where column j of B
/// is a Gaussian of standard deviation <c>sigmaPoints</c> grid points centred on point j, normalised to unit sum over
/// the grid. Every output is a non-negative sum of such Gaussians: the form of the targets themselves, which are
/// spectra broadened by the same Gaussian (0.5 eV = 5 points of CoreHole's 0.1 eV grid).
/// </summary>
internal sealed class SmoothNonNegativeOutput
{
    readonly int width;
    readonly float[] basis, basisTransposed; // B[i, j] row-major, and Bᵀ
    float[] softplus = [];

    public SmoothNonNegativeOutput(int width, double sigmaPoints)
    {
        this.width = width;
        basis = new float[width * width];
        basisTransposed = new float[width * width];
        for (int j = 0; j < width; j++)
        {
            var column = Enumerable.Range(0, width).Select(i => Math.Exp(-0.5 * Math.Pow((i - j) / sigmaPoints, 2))).ToArray();
            double sum = column.Sum();
            for (int i = 0; i < width; i++) basis[i * width + j] = basisTransposed[j * width + i] = (float)(column[i] / sum);
        }
    }

    /// <summary>Bᵀ row-major: a row of softplus values times it is a row of outputs (how an exported graph applies the layer).</summary>
    public ReadOnlySpan<float> BasisTransposed => basisTransposed;

    /// <summary>y = B·softplus(z) for the first <paramref name="rows"/> rows.</summary>
    public void Forward(Matrix z, Matrix y, int rows)
    {
        if (softplus.Length < width) softplus = new float[width];
        for (int r = 0; r < rows; r++)
        {
            Softplus(z.Row(r), softplus);
            var output = y.Row(r);
            for (int i = 0; i < width; i++) output[i] = TensorPrimitives.Dot(basis.AsSpan(i * width, width), softplus);
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
            for (int j = 0; j < width; j++)
                dz[j] = TensorPrimitives.Dot(basisTransposed.AsSpan(j * width, width), dy) / (1 + MathF.Exp(-zr[j]));
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
