using System.Diagnostics;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Paper;
using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.EndToEnd;

/// <summary>
/// The shipped model (data/models/default) beyond what the unit tests recompute: its ONNX export passes ONNX's own
/// checker (Debian's python3-onnx), and its card's group cross-validation, the minutes-long part, comes out again from
/// the dataset with the card's folds, repeats and seed.
/// </summary>
public class ShippedModelEndToEndTests
{
    static readonly string Folder = Path.GetDirectoryName(ShippedModel.Find())!;

    [Fact]
    public async Task ItsOnnxExportPassesOnnxsChecker()
    {
        var onnx = Path.Combine(Directory.CreateTempSubdirectory("corehole-onnx-check-").FullName, "model.onnx");
        var (code, output) = CliProcess.Run(TimeSpan.FromMinutes(2), "export", ShippedModel.Find(), "-o", onnx);
        Assert.True(code == 0, output);
        var check = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); " +
            "print('checked', [o.name for o in m.graph.output], len(m.metadata_props))", onnx }) check.ArgumentList.Add(a);
        using var python = Process.Start(check)!;
        var (reading, readingErrors) = (python.StandardOutput.ReadToEndAsync(), python.StandardError.ReadToEndAsync());
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2))) await python.WaitForExitAsync(limit.Token);
        var (stdout, stderr) = (await reading, await readingErrors);
        Assert.True(python.ExitCode == 0, $"onnx.checker refused {onnx} (python3-onnx is installed by scripts/test.sh):\n{stdout}{stderr}");
        Assert.Contains("checked ['mean', 'spread']", stdout);
    }

    [Fact]
    public void ItsCardsCrossValidationComesOutAgainWithTheRecordedSeed()
    {
        var card = ModelCard.Read(Path.Combine(Folder, ShippedModel.CardJson));
        var dataset = Path.GetFullPath(Path.Combine(Folder, "..", "..", card.Training.Dataset));
        var cv = new CrossValidation(card.CrossValidation.Folds, card.CrossValidation.Repeats, card.CrossValidation.Seed);
        var again = ModelRelease.Build(dataset, InputVariants.Parse(card.Input.Variant), Directory.CreateTempSubdirectory("corehole-rebuild-").FullName,
            ReproductionSites.TransferOxides, cv, card.RebuildCommand).Card;
        static void Close(double expected, double actual, string what) =>
            Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Abs(expected), $"{what}: card {expected:R}, again {actual:R}");
        Assert.Equal(card.CrossValidation.Scores.Select(s => s.Name), again.CrossValidation.Scores.Select(s => s.Name));
        foreach (var (expected, actual) in card.CrossValidation.Scores.Zip(again.CrossValidation.Scores))
        {
            Close(expected.Mse.Estimate, actual.Mse.Estimate, $"{expected.Name} MSE");
            Close(expected.Mse.Low, actual.Mse.Low, $"{expected.Name} lower bound");
            Close(expected.Mse.High, actual.Mse.High, $"{expected.Name} upper bound");
        }
        Close(card.Calibration.Scale, again.Calibration.Scale, "spread scale");
        Close(card.Calibration.OneSigma, again.Calibration.OneSigma, "±1σ coverage");
        Close(card.Check.InSampleMse, again.Check.InSampleMse, "in-sample MSE");
    }
}
