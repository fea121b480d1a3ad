using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Tests.Learning;

namespace CoreHole.Tests.Models;

public class RidgeResidualEnsembleTests
{
    static double Mse(Matrix predicted, Matrix targets) =>
        Enumerable.Range(0, targets.Rows).Average(i => Rows.MeanSquaredDifference(predicted.Row(i), targets.Row(i)));

    [Fact]
    public void LearnsWhatRidgeMissesAndGivesASpread()
    {
        // The peaks move with the input: not a linear map, so the residual networks have something to learn.
        var (x, y, groups) = DeepEnsembleTests.Peaks(120, 3);
        var (tx, ty, _) = DeepEnsembleTests.Peaks(40, 4);
        var model = new RidgeResidualEnsemble(members: 3, hidden: 16, epochs: 400);
        model.Fit(x, y, groups);
        var ridge = new RidgeRegression();
        ridge.Fit(x, y, groups);
        var predicted = model.Predict(tx);
        Assert.True(Mse(predicted.Mean, ty) < 0.8 * Mse(ridge.Predict(tx).Mean, ty), $"hybrid {Mse(predicted.Mean, ty)}, ridge {Mse(ridge.Predict(tx).Mean, ty)}");
        Assert.True(predicted.HasSpread);
        Assert.Equal(ridge.Lambda, model.Lambda);
    }

    [Fact]
    public void PredictionsAreNonNegativeAndAsSmoothAsTheTargetsEvenFarOutside()
    {
        var (x, y, groups) = DeepEnsembleTests.Peaks(60, 1);
        var model = new RidgeResidualEnsemble(members: 3, hidden: 16, epochs: 300);
        model.Fit(x, y, groups);
        var far = TestData.UniformMatrix(20, 8, seed: 2, low: -50, high: 50);
        Assert.All(model.Predict(far).Mean.Data, v => Assert.True(v >= 0));
        Assert.True(Comparison.Roughness(model.Predict(x).Mean) <= 1.5 * Comparison.Roughness(y));
    }

    [Fact]
    public void SavedAndLoadedItKeepsItsSpreadScale()
    {
        var (x, y, groups) = DeepEnsembleTests.Peaks(30, 5);
        var model = new RidgeResidualEnsemble(members: 2, hidden: 8, epochs: 20).WithSpreadScale(2.5);
        model.Fit(x, y, groups);
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-models-").FullName, "m.chmodel");
        ModelArchive.Save(path, model, new Preprocessing("test", new Dictionary<string, double>(), new Dictionary<string, double[]>()));
        var back = Assert.IsType<RidgeResidualEnsemble>(ModelArchive.Load(path).Model);
        Assert.Equal(2.5, back.SpreadScale);
        Assert.Equal(model.Predict(x).Spread.Data, back.Predict(x).Spread.Data);
    }
}
