using CoreHole.Learning;
using CoreHole.Learning.Layers;

namespace CoreHole.Tests.Learning;

/// <summary>Dropout's random stream cannot match PyTorch's, so its behaviour is checked statistically.</summary>
public class DropoutTests
{
    const int Rows = 32, Width = 1000;

    [Theory]
    [InlineData(0.5f)]
    [InlineData(0.2f)]
    public void DropsAtTheRateAndScalesSurvivorsToKeepTheMean(float rate)
    {
        var dropout = new Dropout(Width, rate, new SeededRandom(7));
        var input = new Matrix(Rows, Width, Enumerable.Repeat(1f, Rows * Width).ToArray());
        var output = new Matrix(Rows, Width);

        dropout.Forward(input, output, Rows, training: true);

        int n = Rows * Width;
        double dropped = output.Data.Count(v => v == 0) / (double)n;
        double sigma = Math.Sqrt(rate * (1 - rate) / n);
        Assert.InRange(dropped, rate - 4 * sigma, rate + 4 * sigma);
        Assert.All(output.Data.Where(v => v != 0), v => Assert.Equal(1 / (1 - rate), v));
        Assert.InRange(output.Data.Average(), 1 - 4 * sigma / (1 - rate), 1 + 4 * sigma / (1 - rate));
    }

    [Fact]
    public void BackwardPassesGradientThroughTheSameMask()
    {
        var dropout = new Dropout(Width, 0.5f, new SeededRandom(8));
        var input = TestData.UniformMatrix(Rows, Width, 9, 1, 2);
        var output = new Matrix(Rows, Width);
        var gradient = new Matrix(Rows, Width, Enumerable.Repeat(3f, Rows * Width).ToArray());
        var inputGradient = new Matrix(Rows, Width);

        dropout.Forward(input, output, Rows, training: true);
        dropout.Backward(input, output, gradient, inputGradient, Rows);

        for (int i = 0; i < Rows * Width; i++)
            Assert.Equal(output.Data[i] == 0 ? 0 : 6f, inputGradient.Data[i]);
    }

    [Fact]
    public void InferenceIsTheIdentityAndTrainingMasksDifferBetweenBatches()
    {
        var dropout = new Dropout(Width, 0.5f, new SeededRandom(10));
        var input = TestData.UniformMatrix(Rows, Width, 11, 1, 2);
        var (first, second) = (new Matrix(Rows, Width), new Matrix(Rows, Width));

        dropout.Forward(input, first, Rows, training: false);
        Assert.Equal(input.Data, first.Data);

        dropout.Forward(input, first, Rows, training: true);
        dropout.Forward(input, second, Rows, training: true);
        Assert.NotEqual(first.Data, second.Data);
    }
}
