using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Tests.Learning;

namespace CoreHole.Tests.Models;

public class DeepEnsembleTests
{
    // Spectra that are sums of two Gaussian peaks (σ = 5 points) whose positions and heights follow the input.
    internal static (Matrix X, Matrix Y, string[] Groups) Peaks(int samples, int seed)
    {
        var x = TestData.UniformMatrix(samples, 8, seed, 0, 1);
        var y = new Matrix(samples, 60);
        for (int s = 0; s < samples; s++)
            for (int j = 0; j < 60; j++)
                y[s, j] = (float)(2 * x[s, 0] * Math.Exp(-0.5 * Math.Pow((j - 15 - 10 * x[s, 1]) / 5, 2))
                    + x[s, 2] * Math.Exp(-0.5 * Math.Pow((j - 40 - 10 * x[s, 3]) / 5, 2)));
        return (x, y, [.. Enumerable.Range(0, samples).Select(i => $"m{i / 3}")]);
    }

    static DeepEnsemble Small(int seed = 0) => new(members: 3, hidden: 16, epochs: 300, seed: seed);

    [Fact]
    public void PredictionsAreNonNegativeAndAsSmoothAsTheTargetsEvenFarOutside()
    {
        var (x, y, groups) = Peaks(60, 1);
        var model = Small();
        model.Fit(x, y, groups);
        var far = TestData.UniformMatrix(20, 8, seed: 2, low: -50, high: 50);
        var predicted = model.Predict(far);
        Assert.All(predicted.Mean.Data, v => Assert.True(v >= 0));
        Assert.All(predicted.Spread.Data, v => Assert.True(v >= 0));
        Assert.True(CoreHole.Evaluation.Comparison.Roughness(model.Predict(x).Mean) <= 1.5 * CoreHole.Evaluation.Comparison.Roughness(y));
    }

    [Fact]
    public void LearnsBetterThanTheMeanSpectrumAndGivesASpread()
    {
        var (x, y, groups) = Peaks(90, 3);
        var (tx, ty, _) = Peaks(30, 4);
        var model = Small();
        model.Fit(x, y, groups);
        var mean = new MeanSpectrum();
        mean.Fit(x, y, groups);
        double Mse(Matrix p) => Enumerable.Range(0, ty.Rows).Average(i => Rows.MeanSquaredDifference(p.Row(i), ty.Row(i)));
        var predicted = model.Predict(tx);
        Assert.True(Mse(predicted.Mean) < 0.5 * Mse(mean.Predict(tx).Mean), $"ensemble {Mse(predicted.Mean)}, mean {Mse(mean.Predict(tx).Mean)}");
        Assert.True(predicted.HasSpread);
    }

    [Fact]
    public void SavedAndLoadedItPredictsTheSameAndRecordsItsKind()
    {
        var (x, y, groups) = Peaks(30, 5);
        var model = new DeepEnsemble(members: 2, hidden: 8, epochs: 20, spreadScale: 2.5);
        model.Fit(x, y, groups);
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-models-").FullName, "m.chmodel");
        var preprocessing = new Preprocessing("test", new Dictionary<string, double> { ["a"] = 1 }, new Dictionary<string, double[]> { ["output"] = [0, 1] });
        ModelArchive.Save(path, model, preprocessing);
        var (loaded, readBack, _) = ModelArchive.Load(path);
        var back = Assert.IsType<DeepEnsemble>(loaded);
        Assert.Equal(2.5, back.SpreadScale);
        Assert.Equal(model.Predict(x).Mean.Data, back.Predict(x).Mean.Data);
        Assert.Equal(model.Predict(x).Spread.Data, back.Predict(x).Spread.Data);
        Assert.Equal("test", readBack.Name);
        Assert.Equal(new double[] { 0, 1 }, readBack.Grids["output"]);
    }

    [Fact]
    public void TheSameSeedGivesTheSameEnsemble()
    {
        var (x, y, groups) = Peaks(30, 6);
        float[] Fit(int seed)
        {
            var model = new DeepEnsemble(members: 2, hidden: 8, epochs: 30, seed: seed);
            model.Fit(x, y, groups);
            return model.Predict(x).Mean.Data;
        }
        Assert.Equal(Fit(1), Fit(1));
        Assert.NotEqual(Fit(1), Fit(2));
    }
}
