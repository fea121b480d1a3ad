using System.Text.Json;
using CoreHole.Datasets;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// What a user of a trained model needs to know before trusting it, as JSON (<see cref="Write"/>) and Markdown
/// (<see cref="ModelCardText"/>): what it was trained on and how the data were made, its input and preprocessing, its
/// group cross-validation score against the baselines, how well its uncertainty is calibrated, the domain outside
/// which a prediction is flagged, and the command that rebuilds it. <see cref="Check"/> holds numbers anyone can
/// recompute in a second from the model file and the dataset, so that a test ties the card to the file beside it.
/// </summary>
public sealed record ModelCard(
    string Model, string Kind, IReadOnlyDictionary<string, double> Hyperparameters, string RebuildCommand, string CoreHoleVersion,
    double TrainingWallSeconds, ModelCard.TrainingData Training, ModelCard.InputData Input, ModelCard.CrossValidationData CrossValidation,
    Calibration.Coverage Calibration, ModelCard.DomainData Domain, ModelCard.CheckData Check)
{
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people too: σ, + and ' as they are
    };

    /// <param name="Sets">How the dataset's sites were sorted: trained on, or left out as amorphous or transfer oxides.</param>
    /// <param name="Presets">Each DFT preset the training sites ran at, with its count (from each site's stage.json).</param>
    /// <param name="SupercellWidthsA">Min, median and max over the training sites of the core-hole supercell's smallest
    /// width in Å (each material's plan.json); empty where no plan was found.</param>
    /// <param name="Pseudopotentials">Every pseudopotential file of the training sites' core-hole runs, with its SHA-256.</param>
    /// <param name="Elements">The elements of the training materials' cells (from their plans).</param>
    public sealed record TrainingData(string Dataset, string DatasetSha256, IReadOnlyDictionary<string, int> Sets, int Sites, int Materials,
        IReadOnlyList<string> MaterialNames, IReadOnlyDictionary<string, int> Presets, IReadOnlyList<string> CodeVersions,
        IReadOnlyList<double> SupercellWidthsA, int SitesWithoutCampaignRecords, IReadOnlyDictionary<string, string> Pseudopotentials,
        IReadOnlyList<string> Elements);

    public sealed record Grid(string Name, double FirstEv, double LastEv, int Points);

    public sealed record InputData(string Variant, string Preprocessing, IReadOnlyDictionary<string, double> Parameters, IReadOnlyList<Grid> Grids);

    public sealed record CrossValidationData(int Folds, int Repeats, int Seed, IReadOnlyList<ModelScore> Scores, string Verdict);

    /// <param name="DistanceThreshold">An input farther than this (Euclidean, in the input's units) from every training
    /// input is flagged: input distance score = distance / threshold &gt; 1.</param>
    /// <param name="SpreadThreshold">A mean predicted spread above this is flagged (0: the model gives no spread).</param>
    public sealed record DomainData(IReadOnlyList<string> Elements, double MinBandGapEv, double MaxBandGapEv, double DistanceThreshold,
        double SpreadThreshold);

    public sealed record OutsideSite(string Material, string Site, string Set, double Mse, double InputDistance, double? SpreadScore, bool Flagged);

    /// <param name="InSampleMse">Mean MSE of the model on its own training sites.</param>
    /// <param name="Outside">The dataset's sites outside the training set: MSE and out-of-distribution scores.</param>
    public sealed record CheckData(double InSampleMse, IReadOnlyList<OutsideSite> Outside);

    /// <summary>The numbers of <see cref="Check"/> for a model with its training domain, on <paramref name="data"/>.</summary>
    public static CheckData Recheck(LoadedModel model, Dataset data, IReadOnlyCollection<string> oxides)
    {
        var domain = new OutOfDistribution(model.Domain ?? throw new InputError(model.Path, null, "the model file records no training domain"));
        var inputs = model.InputsOf(data);
        var predicted = model.Model.Predict(inputs);
        var sets = SiteSets.Of(data.Materials, oxides);
        double Mse(int i) => Rows.MeanSquaredDifference(predicted.Mean.Row(i), data.Targets.Row(i));
        var outside = sets.Amorphous.Select(i => (Site: i, Set: ModelEvaluation.AmorphousSet)).Concat(sets.Oxides.Select(i => (Site: i, Set: ModelEvaluation.OxideSet)));
        return new CheckData(sets.Crystalline.Average(Mse), [.. outside.Select(p =>
        {
            var (record, ood) = (data.Records[p.Site], domain.Of(inputs.Row(p.Site), predicted.Spread.Row(p.Site)));
            return new OutsideSite(record.Material, record.Site, p.Set, Mse(p.Site), ood.Distance, ood.Spread, ood.Flagged);
        })]);
    }

    /// <summary>The card of a model (with its training domain) just trained and evaluated with cross-validation on <paramref name="data"/>.</summary>
    public static ModelCard Of(LoadedModel model, TrainingData training, Dataset data, IReadOnlyCollection<string> oxides,
        ModelEvaluation evaluation, Calibration.Coverage calibration, CrossValidation cv, string rebuildCommand, double wallSeconds)
    {
        var domain = model.Domain ?? throw new InvalidOperationException("a model card needs the model's training domain");
        var comparison = evaluation.Comparison ?? throw new InvalidOperationException("a model card needs the cross-validation");
        var state = model.Model.State();
        var description = model.Featurizer.Describe(model.Variant);
        return new ModelCard(Describe(model.Model), state.Kind, state.Parameters, rebuildCommand, Release.Version, wallSeconds,
            training,
            new InputData(model.Variant.Name(), description.Name, description.Parameters,
                [.. description.Grids.Select(g => new Grid(g.Key, g.Value.Length > 0 ? g.Value[0] : double.NaN, g.Value.Length > 0 ? g.Value[^1] : double.NaN, g.Value.Length))]),
            new CrossValidationData(cv.Folds, cv.Repeats, cv.Seed, comparison.Scores, Comparison.Verdict(comparison.Scores)),
            calibration,
            new DomainData(domain.Elements, domain.MinBandGapEv, domain.MaxBandGapEv, domain.DistanceScale, domain.SpreadScale),
            Recheck(model, data, oxides));
    }

    static string Describe(ISpectrumModel model) => model switch
    {
        DeepEnsemble e => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"deep ensemble of {e.Members} networks (hidden width {e.Hidden}, smooth non-negative output), spread scaled by {e.SpreadScale:G4}"),
        RidgeResidualEnsemble e => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"ridge regression plus {e.Members} residual networks (hidden width {e.Hidden}, weight decay {e.WeightDecay:G3}, smooth output, clipped at 0), spread scaled by {e.SpreadScale:G4}"),
        _ => $"{model.Kind} model",
    };

    /// <summary>Writes <c>model-card.json</c> and <c>model-card.md</c> into <paramref name="folder"/>.</summary>
    public void Write(string folder)
    {
        Atomic.WriteAllText(Path.Combine(folder, ShippedModel.CardJson), JsonSerializer.Serialize(this, Json) + "\n");
        Atomic.WriteAllText(Path.Combine(folder, ShippedModel.CardMarkdown), ModelCardText.Markdown(this));
    }

    public static ModelCard Read(string path)
    {
        try { return JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable model card: {e.Message}"); }
        catch (FileNotFoundException) { throw new InputError(path, null, "no such model card"); }
    }
}
