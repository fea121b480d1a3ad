using CoreHole.Datasets;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Tests.Learning;
using CoreHole.Tests.Simulation;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CoreHole.Tests.Models;

/// <summary>The exported ONNX graph, run by ONNX Runtime, gives CoreHole's own mean and spread.</summary>
public class OnnxExportTests
{
    static readonly Preprocessing Described = new("conduction; input area:-1:15; target area:-1:15", new Dictionary<string, double> { ["sigma_ev"] = 0.5 },
        new Dictionary<string, double[]> { ["input"] = [0, 0.1, 0.2, 0.3, 0.4, 0.5], ["output"] = [-1, 0, 1, 2, 3] });

    static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("corehole-onnx-").FullName, name);

    /// <summary>Runs <paramref name="onnxFile"/> on <paramref name="inputs"/>: its mean and spread, and its metadata.</summary>
    public static (Matrix Mean, Matrix Spread, IReadOnlyDictionary<string, string> Metadata) Run(string onnxFile, Matrix inputs)
    {
        using var session = new InferenceSession(onnxFile);
        var tensor = new DenseTensor<float>(inputs.Data.ToArray(), [inputs.Rows, inputs.Columns]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExport.InputName, tensor)]);
        Matrix Output(string name)
        {
            var t = results.Single(r => r.Name == name).AsTensor<float>();
            return new Matrix(t.Dimensions[0], t.Dimensions[1], t.ToArray());
        }
        return (Output(OnnxExport.MeanName), Output(OnnxExport.SpreadName), session.ModelMetadata.CustomMetadataMap);
    }

    public static double MaxDifference(Matrix a, Matrix b)
    {
        Assert.Equal((a.Rows, a.Columns), (b.Rows, b.Columns));
        return a.Data.Zip(b.Data).Max(p => Math.Abs(p.First - p.Second));
    }

    [Fact]
    public void EveryExportedKindGivesCoreHolesMeanAndSpread()
    {
        var x = TestData.UniformMatrix(30, 6, seed: 1);
        var y = TestData.UniformMatrix(30, 5, seed: 2, low: 0, high: 2);
        var groups = Enumerable.Range(0, 30).Select(i => $"m{i / 3}").ToArray();
        foreach (ISpectrumModel model in new ISpectrumModel[]
            { new DeepEnsemble(members: 3, hidden: 8, epochs: 30, outputSigmaPoints: 1.5, spreadScale: 2.5),
              new RidgeResidualEnsemble(members: 3, hidden: 8, epochs: 30, outputSigmaPoints: 1.5, spreadScale: 2.5), new RidgeRegression(), new MeanSpectrum() })
        {
            model.Fit(x, y, groups);
            var path = TempFile($"{model.Kind}.onnx");
            OnnxExport.Write(path, "model.chmodel", model, Described);
            var probe = TestData.UniformMatrix(7, 6, seed: 3, low: -2, high: 2);
            var expected = model.Predict(probe);
            var (mean, spread, metadata) = Run(path, probe);
            Assert.True(MaxDifference(expected.Mean, mean) <= 1e-5, $"{model.Kind}: mean differs by {MaxDifference(expected.Mean, mean)}");
            Assert.True(MaxDifference(expected.Spread, spread) <= 1e-5, $"{model.Kind}: spread differs by {MaxDifference(expected.Spread, spread)}");
            Assert.Equal(model is IEnsembleModel, spread.Data.Any(s => s > 0));
            Assert.Equal(model.Kind, metadata["corehole.kind"]);
            Assert.Equal("-1,0,1,2,3", metadata["corehole.grid.output_ev"]);
            Assert.Equal("0.5", metadata["corehole.preprocessing.sigma_ev"]);
            Assert.Equal(Described.Name, metadata["corehole.preprocessing"]);
        }
    }

    [Fact]
    public void AKindWithoutAFormulaIsRefusedNamingTheFile()
    {
        var x = TestData.UniformMatrix(10, 4, seed: 1);
        var model = new NearestNeighbours();
        model.Fit(x, x, [.. Enumerable.Range(0, 10).Select(i => $"m{i / 2}")]);
        var path = TempFile("knn.onnx");
        var error = Assert.Throws<InputError>(() => OnnxExport.Write(path, "knn.chmodel", model, Described));
        Assert.Equal("knn.chmodel", error.File);
        Assert.Contains("has no ONNX export", error.Problem);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TheCommandRefusesAKindWithoutAFormulaInOneLineWithExitCodeTwo()
    {
        var x = TestData.UniformMatrix(10, Featurizer.ConductionGrid.Count, seed: 1);
        var model = new NearestNeighbours();
        model.Fit(x, TestData.UniformMatrix(10, Featurizer.TargetGrid.Count, seed: 2), [.. Enumerable.Range(0, 10).Select(i => $"m{i / 2}")]);
        var path = TempFile("knn.chmodel");
        ModelArchive.Save(path, model, Featurizer.Default.Describe(InputVariant.Conduction));
        var (code, output) = CliProcess.Run(TimeSpan.FromMinutes(1), "export", path, "-o", TempFile("knn.onnx"));
        Assert.Equal(2, code);
        Assert.Contains($"{path}: a 'knn' model has no ONNX export", output);
        Assert.Single(output.Trim().Split('\n'));
    }
}
