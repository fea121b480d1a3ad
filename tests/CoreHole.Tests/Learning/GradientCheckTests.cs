using CoreHole.Learning;
using CoreHole.Learning.Layers;

namespace CoreHole.Tests.Learning;

/// <summary>
/// Back-propagated gradients against central finite differences. For a layer the scalar checked is
/// L = Σ r ⊙ layer(x) with fixed random weights r, so ∂L/∂output = r; for the network it is the MSE loss.
/// Sizes are not multiples of any SIMD width, so the kernels' tails are checked too. Everything runs in float32:
/// single layers are (piecewise) linear in what is perturbed, so a step of 1e-2 is exact up to rounding and they
/// agree to 2e-3 of the gradient's scale; the network's ReLUs make a kink crossing likely at that step, so it uses
/// 1e-3, where float32 rounding of the loss limits agreement to about 1e-2.
/// </summary>
public class GradientCheckTests
{
    const int Rows = 11, Inputs = 19, Outputs = 13;
    const float Step = 1e-2f, NetworkStep = 1e-3f;

    [Fact]
    public void DenseLayer()
    {
        var parameters = TestData.Uniform(Dense.ParameterCount(Inputs, Outputs), 1);
        var gradients = new float[parameters.Length];
        var dense = new Dense(Inputs, Outputs, parameters, gradients, 0, team: null);
        var x = TestData.UniformMatrix(Rows, Inputs, 2);

        var inputGradient = CheckInput(dense, x, () => dense);
        Assert.NotNull(inputGradient);
        CheckAgainstDifferences(parameters, gradients, () => WeightedSum(dense, x));
    }

    [Fact]
    public void ReluLayer()
    {
        // Inputs kept at least 2 steps away from the kink at 0, where the derivative is undefined.
        var x = TestData.UniformMatrix(Rows, Inputs, 3);
        foreach (ref float v in x.Data.AsSpan()) v = v < 0 ? v - 2 * Step : v + 2 * Step;
        CheckInput(new Relu(Inputs), x, () => new Relu(Inputs));
    }

    [Fact]
    public void DropoutLayer()
    {
        // A fresh layer with the same seed draws the same mask, which makes the layer a fixed linear map.
        var x = TestData.UniformMatrix(Rows, Inputs, 4);
        CheckInput(new Dropout(Inputs, 0.5f, new SeededRandom(5)), x, () => new Dropout(Inputs, 0.5f, new SeededRandom(5)));
    }

    [Fact]
    public void MeanSquaredErrorLoss()
    {
        var prediction = TestData.UniformMatrix(Rows, Outputs, 6);
        var target = TestData.UniformMatrix(Rows, Outputs, 7);
        var gradient = new Matrix(Rows, Outputs);
        MeanSquaredError.Gradient(prediction, target, gradient, Rows);
        CheckAgainstDifferences(prediction.Data, gradient.Data, () => MeanSquaredError.Value(prediction, target, Rows));
    }

    [Fact]
    public void WholeNetworkWithDropout()
    {
        int[] widths = [Inputs, 40, 33, Outputs];
        var x = TestData.UniformMatrix(Rows, Inputs, 8);
        var target = TestData.UniformMatrix(Rows, Outputs, 9);
        // Same seed: same initial weights and, in the first training forward pass, the same dropout masks.
        Network Fresh()
        {
            var network = new Network(widths, 0.5f, new SeededRandom(10), team: null);
            network.Reserve(Rows);
            x.Data.CopyTo(network.Input.Data, 0);
            return network;
        }
        var analytic = Fresh();
        var output = analytic.Forward(Rows, training: true);
        MeanSquaredError.Gradient(output, target, analytic.OutputGradient, Rows);
        analytic.Backward(Rows);
        var parameters = (float[])analytic.Parameters.Clone();

        CheckAgainstDifferences(parameters, analytic.Gradients, () =>
        {
            var network = Fresh();
            parameters.CopyTo(network.Parameters, 0);
            return MeanSquaredError.Value(network.Forward(Rows, training: true), target, Rows);
        }, NetworkStep, tolerance: 1e-2);
    }

    /// <summary>Checks ∂L/∂x of <paramref name="layer"/>; <paramref name="fresh"/> gives the layer for each evaluation.</summary>
    static Matrix CheckInput(ILayer layer, Matrix x, Func<ILayer> fresh)
    {
        var r = TestData.UniformMatrix(Rows, layer.OutputWidth, 99);
        var output = new Matrix(Rows, layer.OutputWidth);
        var inputGradient = new Matrix(Rows, layer.InputWidth);
        layer.Forward(x, output, Rows, training: true);
        layer.Backward(x, output, r, inputGradient, Rows);
        CheckAgainstDifferences(x.Data, inputGradient.Data, () => WeightedSum(fresh(), x));
        return inputGradient;
    }

    static double WeightedSum(ILayer layer, Matrix x)
    {
        var r = TestData.UniformMatrix(Rows, layer.OutputWidth, 99);
        var output = new Matrix(Rows, layer.OutputWidth);
        layer.Forward(x, output, Rows, training: true);
        double sum = 0;
        for (int i = 0; i < output.Data.Length; i++) sum += (double)r.Data[i] * output.Data[i];
        return sum;
    }

    /// <summary>
    /// For every element of <paramref name="values"/> (at most 200, spread evenly), compares
    /// <paramref name="gradient"/> with (L(v + h) − L(v − h)) / 2h to <paramref name="tolerance"/> of the gradient's scale.
    /// </summary>
    static void CheckAgainstDifferences(float[] values, float[] gradient, Func<double> loss, float step = Step,
        double tolerance = 2e-3)
    {
        var expected = (float[])gradient.Clone();
        double scale = Math.Sqrt(expected.Average(g => (double)g * g));
        Assert.True(scale > 0, "the gradient is identically zero");
        int stride = Math.Max(1, values.Length / 200);
        for (int i = 0; i < values.Length; i += stride)
        {
            float original = values[i];
            values[i] = original + step;
            double up = loss();
            values[i] = original - step;
            double down = loss();
            values[i] = original;
            double numeric = (up - down) / (2.0 * step);
            Assert.True(Math.Abs(numeric - expected[i]) <= tolerance * Math.Max(scale, Math.Abs(numeric)),
                $"element {i}: back-propagated {expected[i]}, finite difference {numeric} (gradient scale {scale})");
        }
    }
}
