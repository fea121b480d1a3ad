using System.Globalization;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Models;
using CoreHole.Paper;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole train DATASET -o DIR --ensemble</c>: the default predictor, calibrated and saved as DIR/model.chmodel.</summary>
static class EnsembleTraining
{
    public const string FileName = "model.chmodel";

    public static int Run(string dataset, InputVariant variant, string folder, CrossValidation cv)
    {
        var data = DatasetFile.Read(dataset);
        Directory.CreateDirectory(folder);
        var trained = DefaultPredictor.Train(data, variant, ReproductionSites.TransferOxides, cv,
            (done, total) => Console.Error.Write($"\rcalibrating the spread by group cross-validation: {done}/{total} folds   "));
        Console.Error.WriteLine();
        var path = Path.Combine(folder, FileName);
        ModelArchive.Save(path, trained.Model, data.Featurizer.Describe(variant));
        var c = trained.Coverage;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained the default predictor ({trained.Model.Kind}, {trained.Model.Members} members, {variant.Name()} input) on {trained.Sites} crystalline sites from {trained.Materials} materials; " +
            $"spread scale {c.Scale:G3} (held-out coverage ±1σ {c.OneSigma:P1}, ±2σ {c.TwoSigma:P1}); wrote {path}"));
        return 0;
    }
}
