using System.Numerics.Tensors;
using CoreHole.Learning.Kernels;

namespace CoreHole.Learning.Layers;

/// <summary>
/// A fully connected layer, y = x·W + b. W is stored input-major, [inputs, outputs] (the transpose of PyTorch's
/// [out, in]), so that the forward product and the weight gradient both read W and ∂y row by row.
/// Its weights and bias live in the network's flat parameter vector at <c>offset</c>: W row-major, then b.
/// </summary>
internal sealed class Dense : ILayer
{
    readonly MatrixRef weights, bias, weightGradient, biasGradient;
    readonly MatrixProduct product = new();
    readonly WorkerTeam? team;
    float[] outputGradientT = [], inputGradientT = []; // ∂yᵀ and ∂xᵀ: the input gradient is computed as W·∂yᵀ

    public Dense(int inputs, int outputs, float[] parameters, float[] gradients, int offset, WorkerTeam? team)
    {
        (InputWidth, OutputWidth, this.team) = (inputs, outputs, team);
        weights = new MatrixRef(parameters, offset, inputs, outputs, outputs, 1);
        bias = new MatrixRef(parameters, offset + inputs * outputs, 1, outputs, outputs, 1);
        weightGradient = weights with { Data = gradients };
        biasGradient = bias with { Data = gradients };
    }

    public int InputWidth { get; }
    public int OutputWidth { get; }
    public static int ParameterCount(int inputs, int outputs) => inputs * outputs + outputs;

    public MatrixRef Weights => weights;
    public MatrixRef Bias => bias;

    /// <summary>PyTorch's default for nn.Linear: weights and bias uniform in ±1/√inputs.</summary>
    public void Initialise(SeededRandom random)
    {
        float bound = 1 / MathF.Sqrt(InputWidth);
        foreach (var block in new[] { weights, bias })
            for (int i = 0; i < block.Rows * block.Columns; i++)
                block.Data[block.Offset + i] = random.NextFloat(-bound, bound);
    }

    public void Forward(Matrix input, Matrix output, int rows, bool training)
    {
        product.Set(input.Top(rows), weights, output.Top(rows), bias);
        product.Run(team);
    }

    public void Backward(Matrix input, Matrix output, Matrix outputGradient, Matrix? inputGradient, int rows)
    {
        var dy = outputGradient.Top(rows);
        product.Set(input.Top(rows).Transposed, dy, weightGradient); // ∂W = xᵀ·∂y
        product.Run(team);

        var db = biasGradient.Data.AsSpan(biasGradient.Offset, OutputWidth); // ∂b = column sums of ∂y
        db.Clear();
        for (int row = 0; row < rows; row++)
            TensorPrimitives.Add(db, outputGradient.Row(row), db);

        if (inputGradient is null) return;
        // ∂x = ∂y·Wᵀ, computed as ∂xᵀ = W·∂yᵀ so that the product's B operand (∂yᵀ) is row-major; the two
        // transposes touch rows × width elements, a 1/width fraction of the product's work.
        if (outputGradientT.Length < rows * OutputWidth)
        {
            outputGradientT = new float[rows * OutputWidth];
            inputGradientT = new float[rows * InputWidth];
        }
        var dyT = MatrixRef.RowMajor(outputGradientT, OutputWidth, rows);
        var dxT = MatrixRef.RowMajor(inputGradientT, InputWidth, rows);
        dy.CopyTo(dyT.Transposed);
        product.Set(weights, dyT, dxT);
        product.Run(team);
        dxT.Transposed.CopyTo(inputGradient.Top(rows));
    }
}
