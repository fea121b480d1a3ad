using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.EndToEnd;

/// <summary>The default predictor trained and compared with the baselines through the real CLI, on synthetic sites.</summary>
public class EnsembleEndToEndTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    static string Run(params string[] arguments)
    {
        var (code, output) = CliProcess.Run(Limit, arguments);
        Assert.True(code == 0, $"corehole {string.Join(' ', arguments)} exited {code}:\n{output}");
        return output;
    }

    [Fact]
    public void TrainsTheEnsembleAndComparesItWithTheFourBaselines()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-evaluate-").FullName;
        var dataset = Path.Combine(folder, "synthetic.h5");
        Run("dataset", "synthetic", "-o", dataset, "--sites", "40");
        Assert.Contains("trained a ridge regression plus 5 residual networks", Run("train", dataset, "-o", folder, "--ensemble", "--folds", "3", "--repeats", "1"));
        var card = CoreHole.Evaluation.ModelCard.Read(Path.Combine(folder, "model-card.json"));
        Assert.Equal($"./corehole train {dataset} -o {folder} --ensemble --folds 3 --repeats 1", card.RebuildCommand);
        Assert.Equal(5, card.CrossValidation.Scores.Count);
        Assert.Contains("## Group cross-validation", File.ReadAllText(Path.Combine(folder, "model-card.md")));
        var output = Run("evaluate", Path.Combine(folder, "model.chmodel"), dataset, "--folds", "3", "--repeats", "1");
        foreach (var expected in new[] { "ridge-residual (this model's kind)", "mean training spectrum", "k nearest neighbours", "ridge regression",
            "PDOS as spectrum (no core hole)", "95% interval", "held-out coverage of the bands", "40 spectra (conduction input" })
            Assert.Contains(expected, output);
    }
}
