using CoreHole.Learning;

namespace CoreHole.Tests.Learning;

public sealed class ModelFileTests : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("corehole-model").FullName;
    readonly Matrix x = TestData.UniformMatrix(40, 12, 1, 0, 1), y = TestData.UniformMatrix(40, 9, 2, 0, 1);

    static Preprocessing Prepared(double start = -1, int points = 12) => new(
        "gaussian-aligned",
        new Dictionary<string, double> { ["broadening_ev"] = 0.5 },
        new Dictionary<string, double[]>
        {
            ["input"] = [.. Enumerable.Range(0, points).Select(i => start + 0.1 * i)],
            ["output"] = [.. Enumerable.Range(0, 9).Select(i => -1 + 0.1 * i)],
        });

    (MlpRegressor Regressor, string Path) SavedModel()
    {
        var regressor = new MlpRegressor([16, 8], weightDecay: 1e-6f, batchSize: 8, epochs: 3, seed: 4);
        regressor.Fit(x, y);
        string path = System.IO.Path.Combine(directory, "model.chmlp");
        ModelFile.Save(path, regressor, Prepared());
        return (regressor, path);
    }

    [Fact]
    public void RoundTripKeepsPredictionsHyperparametersAndPreprocessing()
    {
        var (regressor, path) = SavedModel();

        var (loaded, preprocessing) = ModelFile.Load(path, Prepared());

        Assert.Equal(regressor.Predict(x).Data, loaded.Predict(x).Data);
        Assert.Equal([16, 8], loaded.HiddenWidths);
        Assert.Equal(1e-6f, loaded.WeightDecay);
        Assert.Equal(Prepared().Grids["input"], preprocessing.Grids["input"]);
        Assert.Equal(0.5, preprocessing.Parameters["broadening_ev"]);
    }

    [Fact]
    public void MismatchedGridIsAnInputErrorNamingTheFileAndGrid()
    {
        string path = SavedModel().Path;
        var error = Assert.Throws<InputError>(() => ModelFile.Load(path, Prepared(start: -20, points: 12)));
        Assert.Equal(path, error.File);
        Assert.Contains("'input' grid", error.Problem);
        Assert.Contains("-20", error.Problem);
        Assert.Throws<InputError>(() => ModelFile.Load(path, Prepared(points: 13)));
        Assert.Throws<InputError>(() => ModelFile.Load(path, Prepared() with { Name = "other" }));
    }

    [Fact]
    public void DamagedFilesAreInputErrors()
    {
        byte[] good = File.ReadAllBytes(SavedModel().Path);
        string path = Path.Combine(directory, "damaged.chmlp");
        void AssertRejected(byte[] bytes, string expected)
        {
            File.WriteAllBytes(path, bytes);
            var error = Assert.Throws<InputError>(() => ModelFile.Load(path));
            Assert.Contains(expected, error.Message);
        }

        AssertRejected("not a model"u8.ToArray(), "magic");
        AssertRejected(good[..^4], "bytes of parameters");
        byte[] newer = (byte[])good.Clone();
        int version = newer.AsSpan().IndexOf("\"format_version\": 1"u8) + "\"format_version\": ".Length;
        newer[version] = (byte)'2';
        AssertRejected(newer, "version 2");
        Assert.Contains("cannot read", Assert.Throws<InputError>(() => ModelFile.Load(Path.Combine(directory, "missing"))).Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
