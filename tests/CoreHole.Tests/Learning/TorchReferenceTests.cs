using System.Text.Json;
using CoreHole.Learning;

namespace CoreHole.Tests.Learning;

/// <summary>
/// Agreement with PyTorch on tests/reference/mlp_reference.json (written by make_mlp_reference.py): from the same
/// initial weights and batch, the forward output, the loss, its gradients, and the weights after 5 Adam steps with
/// weight decay. Each element agrees to 1e-5 relative, measured against the larger of the element and the RMS of
/// its tensor (an element that is nearly zero by cancellation has no meaningful relative error of its own).
/// </summary>
public class TorchReferenceTests
{
    const double Tolerance = 1e-5;
    readonly JsonElement reference = JsonDocument.Parse(File.ReadAllText(TestData.ReferenceFile("mlp_reference.json"))).RootElement;
    readonly Network network;
    readonly Matrix x, y;
    readonly int rows;

    public TorchReferenceTests()
    {
        int[] widths = [.. reference.GetProperty("widths").EnumerateArray().Select(w => w.GetInt32())];
        network = new Network(widths, dropoutRate: 0, new SeededRandom(0), team: null);
        LoadParameters(reference.GetProperty("initial"), network.Parameters);
        x = ToMatrix(reference.GetProperty("x"));
        y = ToMatrix(reference.GetProperty("y"));
        rows = x.Rows;
        network.Reserve(rows);
    }

    [Fact]
    public void ForwardOutputAndLoss()
    {
        var output = Forward();
        AssertClose(Doubles(ToMatrix(reference.GetProperty("output")).Data), Doubles(output.Data.AsSpan(0, rows * output.Columns)), "output");
        AssertClose([reference.GetProperty("loss").GetDouble()], [MeanSquaredError.Value(output, y, rows)], "loss");
    }

    [Fact]
    public void Gradients()
    {
        ForwardBackward();
        var expected = new float[network.Gradients.Length];
        LoadParameters(reference.GetProperty("gradients"), expected);
        AssertPerLayer(expected, network.Gradients, "gradient");
    }

    [Fact]
    public void WeightsAfterAdamStepsWithWeightDecay()
    {
        var adam = new Adam(network.Parameters, network.Gradients,
            reference.GetProperty("learning_rate").GetSingle(), reference.GetProperty("weight_decay").GetSingle());
        for (int step = 0; step < reference.GetProperty("adam_steps").GetInt32(); step++)
        {
            ForwardBackward();
            adam.Step(null);
        }
        var expected = new float[network.Parameters.Length];
        LoadParameters(reference.GetProperty("after_adam"), expected);
        AssertPerLayer(expected, network.Parameters, "weight after Adam");
    }

    Matrix Forward()
    {
        x.Data.CopyTo(network.Input.Data, 0);
        return network.Forward(rows, training: true);
    }

    void ForwardBackward()
    {
        MeanSquaredError.Gradient(Forward(), y, network.OutputGradient, rows);
        network.Backward(rows);
    }

    /// <summary>PyTorch's per-layer weight [out][in] and bias into CoreHole's flat vector (weights [in, out], bias).</summary>
    void LoadParameters(JsonElement layers, float[] flat)
    {
        foreach (var (layer, dense) in layers.EnumerateArray().Zip(network.DenseLayers))
        {
            var weight = ToMatrix(layer.GetProperty("weight"));
            for (int o = 0; o < weight.Rows; o++)
                for (int i = 0; i < weight.Columns; i++)
                    flat[dense.Weights.Offset + i * dense.Weights.RowStride + o] = weight[o, i];
            var bias = layer.GetProperty("bias").EnumerateArray().Select(b => b.GetSingle()).ToArray();
            bias.CopyTo(flat, dense.Bias.Offset);
        }
    }

    void AssertPerLayer(float[] expected, float[] actual, string what)
    {
        foreach (var dense in network.DenseLayers)
        {
            foreach (var block in new[] { dense.Weights, dense.Bias })
            {
                int length = block.Rows * block.Columns;
                AssertClose(Doubles(expected.AsSpan(block.Offset, length)), Doubles(actual.AsSpan(block.Offset, length)),
                    $"{what} of the {dense.InputWidth}->{dense.OutputWidth} layer");
            }
        }
    }

    static double[] Doubles(ReadOnlySpan<float> values) => [.. values.ToArray().Select(v => (double)v)];

    static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double rms = Math.Sqrt(expected.Average(v => v * v));
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= Tolerance * Math.Max(Math.Abs(expected[i]), rms),
                $"{what} [{i}]: CoreHole {actual[i]}, PyTorch {expected[i]}");
    }

    static Matrix ToMatrix(JsonElement rows) =>
        Matrix.FromRows([.. rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray())]);
}
