using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Tests.Learning;

namespace CoreHole.Tests.Models;

public class ModelArchiveTests
{
    static readonly Preprocessing Described = new("test", new Dictionary<string, double>(), new Dictionary<string, double[]>());

    static string TempFile() => Path.Combine(Directory.CreateTempSubdirectory("corehole-archive-").FullName, "model.chmodel");

    [Fact]
    public void EveryKindButTheDeepEnsembleComesBackWithTheSamePredictions()
    {
        var x = TestData.UniformMatrix(20, 5, seed: 1);
        var y = TestData.UniformMatrix(20, 5, seed: 2, low: 0, high: 1);
        var groups = Enumerable.Range(0, 20).Select(i => $"m{i / 2}").ToArray();
        foreach (ISpectrumModel model in new ISpectrumModel[] { new MeanSpectrum(), new NearestNeighbours(), new RidgeRegression(), new InputAsSpectrum(),
            new PaperMlp(new MlpRegressor([8], epochs: 5)), new RidgeResidualEnsemble(members: 2, hidden: 4, epochs: 20, spreadScale: 1.5) })
        {
            model.Fit(x, y, groups);
            var path = TempFile();
            ModelArchive.Save(path, model, Described);
            var (loaded, _, _) = ModelArchive.Load(path);
            Assert.Equal(model.GetType(), loaded.GetType());
            Assert.Equal(model.Predict(x).Mean.Data, loaded.Predict(x).Mean.Data);
        }
    }

    [Fact]
    public void TheTrainingDomainComesBackBesideTheModelAndAFileWithoutOneHasNone()
    {
        var x = TestData.UniformMatrix(6, 3, seed: 1);
        var model = new MeanSpectrum();
        model.Fit(x, x, ["a", "a", "b", "b", "c", "c"]);
        var path = TempFile();
        ModelArchive.Save(path, model, Described);
        Assert.Null(ModelArchive.Load(path).Domain);

        ModelArchive.Save(path, model, Described, new TrainingDomain(x, 0.5, 0.25, ["O", "Si"], 5.1, 6.2));
        var (loaded, _, domain) = ModelArchive.Load(path);
        Assert.Equal(model.Predict(x).Mean.Data, loaded.Predict(x).Mean.Data);
        Assert.Equal(x.Data, domain!.Inputs.Data);
        Assert.Equal((x.Rows, x.Columns), (domain.Inputs.Rows, domain.Inputs.Columns));
        Assert.Equal((0.5, 0.25, 5.1, 6.2), (domain.DistanceScale, domain.SpreadScale, domain.MinBandGapEv, domain.MaxBandGapEv));
        Assert.Equal(["O", "Si"], domain.Elements);
    }

    [Fact]
    public void ABrokenFileIsOneInputErrorNamingIt()
    {
        var path = TempFile();
        File.WriteAllText(path, "not a model");
        var error = Assert.Throws<InputError>(() => ModelArchive.Load(path));
        Assert.Equal(path, error.File);
        Assert.Contains("magic", error.Problem);

        var model = new MeanSpectrum();
        model.Fit(new Matrix(1, 3), new Matrix(1, 3, [1, 2, 3]), ["a"]);
        ModelArchive.Save(path, model, Described);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);
        error = Assert.Throws<InputError>(() => ModelArchive.Load(path));
        Assert.Contains("truncated", error.Problem);

        var kind = "\"kind\": \"mean\""u8.ToArray();
        int at = bytes.AsSpan().IndexOf(kind);
        "\"kind\": \"what\""u8.CopyTo(bytes.AsSpan(at)); // same length: the header stays the same size
        File.WriteAllBytes(path, bytes);
        Assert.Contains("unknown model kind 'what'", Assert.Throws<InputError>(() => ModelArchive.Load(path)).Problem);
    }
}
