using System.Globalization;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Paper;

namespace CoreHole.Cli.Commands;

/// <summary>
/// <c>corehole train DATASET -o DIR --ensemble</c>: the default predictor, calibrated, evaluated against the baselines
/// and saved as DIR/model.chmodel with its training domain and its model card (model-card.md, model-card.json).
/// </summary>
static class EnsembleTraining
{
    public static int Run(string dataset, InputVariant variant, string folder, CrossValidation cv, string commandLine)
    {
        var made = ModelRelease.Build(dataset, variant, folder, ReproductionSites.TransferOxides, cv, commandLine,
            (what, done, total) => Console.Error.Write($"\rcross-validating {what}: {done}/{total} folds   "));
        Console.Error.WriteLine();
        var card = made.Card;
        var (c, model) = (card.Calibration, card.CrossValidation.Scores[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained a {card.Model} ({card.Input.Variant} input) on {card.Training.Sites} crystalline sites from {card.Training.Materials} materials; " +
            $"held-out coverage ±1σ {c.OneSigma:P1}, ±2σ {c.TwoSigma:P1}; group-CV MSE {model.Mse.Estimate:G3} ({model.Mse.Low:G3}-{model.Mse.High:G3})"));
        Console.WriteLine(card.CrossValidation.Verdict);
        Console.WriteLine($"wrote {made.ModelPath}, {Path.Combine(folder, ShippedModel.CardMarkdown)} and {Path.Combine(folder, ShippedModel.CardJson)}");
        return 0;
    }
}
