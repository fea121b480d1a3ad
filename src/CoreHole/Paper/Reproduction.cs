using System.Diagnostics;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using static CoreHole.Paper.Evaluations;
using CoreHole.Training;

namespace CoreHole.Paper;

/// <summary>
/// Runs the paper's experiments (<see cref="Experiments"/>: four models, crystalline SiO2 with each input variant and
/// amorphous SiO2 without band gap, each applied where the paper applies it) on our sites, written as result files
/// (<see cref="ResultFiles"/>) that the report renders. A set too small to train on is not trained on: the summary
/// says so and which command makes more data.
/// </summary>
/// <param name="acquisitionSettings">The acquisition study's settings; by default start from 30 sites, add 10 a step, 5 repeats (one with the quick grid).</param>
public sealed class Reproduction(ModelTrainer trainer, ResultFiles results, Action<string> log, Acquisition.Settings? acquisitionSettings = null)
{
    /// <summary>The paper split leaves a test site from 10 sites on, and the 5-fold search needs 5 outside it.</summary>
    public const int MinimumSites = 10;
    /// <summary>Below this the report warns that MSEs and the chosen architecture say little (the paper had 1171 sites).</summary>
    public const int MeaningfulSites = 100;

    readonly Dictionary<string, string> missing = [];
    readonly List<TrainedModelSummary> models = [];

    /// <param name="labelChanges">The label-width study's rows (<see cref="ErrorByWidth.ReadLabelChanges"/>), drawn beside the
    /// error against supercell width; none: that figure shows the errors alone.</param>
    public ReproductionSummary Run(ReproductionSites sites, IReadOnlyList<ErrorByWidth.LabelChange>? labelChanges = null)
    {
        labelChanges ??= [];
        var clock = Stopwatch.StartNew();
        results.WriteAmorphousCells(sites.AmorphousCells ?? []);
        var sets = Experiments.Sets.ToDictionary(set => set, set => Build(set.Name, set.Of(sites)));

        var trained = new Dictionary<ModelExperiment, SpectrumModel>();
        var untrained = new Dictionary<ModelExperiment, string>();
        foreach (var model in Experiments.Models)
        {
            if (TooFew(model.TrainedOn.Of(sites).Count, model.TrainedOn) is { } shortage)
            {
                untrained[model] = $"no model trained on {model.TrainedOn.Label}: {shortage}";
                log(untrained[model]);
            }
            else trained[model] = Train(model.Name, sets[model.TrainedOn]!, model.Input);
        }

        foreach (var evaluation in Experiments.Evaluations)
        {
            var reasons = new List<string>();
            if (untrained.TryGetValue(evaluation.Model, out var notTrained)) reasons.Add(notTrained);
            // A set too small to train on already says so; any other set may simply be absent.
            if (sets[evaluation.On] is null && evaluation.On != evaluation.Model.TrainedOn)
                reasons.Add($"no {evaluation.On.Label} spectra are in the dataset yet; they come from: {evaluation.On.Command}");
            foreach (var reason in reasons) Missing(evaluation.Section, reason);
            if (reasons.Count == 0)
            {
                var data = sets[evaluation.On]!.Data;
                var siteRows = evaluation.TestSitesOnly ? TestSites(data) : AllSites(data);
                Evaluate(evaluation.Name, trained[evaluation.Model], data, siteRows);
                if (evaluation.WithBaselines) Baselines(evaluation, sets[evaluation.Model.TrainedOn]!.Data, data, siteRows);
            }
        }
        if (CompoundTransfer.Run(sites, results, quick: trainer.Grid == SearchSpace.Quick, log) is { } noTransfer) Missing(Compounds, noTransfer);
        GroupCvSummary? groupCv = trained.ContainsKey(Experiments.GroupCvModel)
            ? CrossValidateDefaultPredictor(sets[Experiments.GroupCvModel.TrainedOn]!.Data, Experiments.GroupCvModel.Input, labelChanges) : null;
        Acquisition.Study? acquisition = null;
        if (groupCv is not null) acquisition = StudyAcquisition(sets[Experiments.GroupCvModel.TrainedOn]!.Data, Experiments.GroupCvModel.Input);
        else foreach (var section in new[] { GroupCv, AcquisitionStudy }) Missing(section, untrained[Experiments.GroupCvModel]);
        // The search section shows every trained model's table; it is missing only when none was trained.
        if (trained.Count == 0) foreach (var reason in untrained.Values) Missing(Search, reason);
        double? predictionSeconds = trained.TryGetValue(Experiments.TimedModel, out var timed)
            ? PredictionSeconds(timed, sets[Experiments.TimedModel.TrainedOn]!.Data) : null;

        var costs = sites.Crystalline.Concat(sites.Amorphous).Concat(sites.Oxides)
            .Where(s => s.Provenance.CoreHoleWallSeconds > 0 && s.Provenance.GroundStateWallSeconds > 0)
            .Select(s => new SiteCost(s.Material, s.Site, s.Provenance.GroundStateWallSeconds, s.Provenance.CoreHoleWallSeconds)).ToList();
        results.WriteCosts(costs);
        if (costs.Count == 0) missing[Cost] = $"no site with measured wall times is in the dataset yet; they come from: {CampaignCommand}";

        var summary = new ReproductionSummary(sites.Description, trainer.Grid, DateTimeOffset.UtcNow, clock.Elapsed.TotalSeconds,
            sites.Crystalline.Count, sites.Amorphous.Count, sites.Oxides.Count, sites.Notes, models, predictionSeconds, missing, groupCv,
            sites.OtherOxides?.Count ?? 0, acquisition);
        results.WriteSummary(summary);
        return summary;
    }

    /// <summary>Adds a reason why a section of the report has no data; several reasons are joined.</summary>
    void Missing(string section, string reason) =>
        missing[section] = missing.TryGetValue(section, out var before) ? before.Contains(reason) ? before : $"{before}; and {reason}" : reason;

    StoredDataset? Build(string name, IReadOnlyList<SiteRecord> records)
    {
        if (records.Count == 0) return null;
        var data = Dataset.Build(records, Featurizer.Default, splitSeed: 0);
        log($"{name}: {records.Count} sites in {records.Select(r => r.Material).Distinct().Count()} materials");
        return trainer.WriteDataset(name, data);
    }

    /// <summary>Why <paramref name="count"/> sites of <paramref name="set"/> are too few to train on, or null if they are not.</summary>
    static string? TooFew(int count, SiteSet set) => count >= MinimumSites ? null
        : $"only {count} {set.Label} sites are in the dataset yet; training needs at least {MinimumSites} (the paper's 9:1 split then leaves a test site); more come from: {set.Command}";

    SpectrumModel Train(string name, StoredDataset set, InputVariant variant)
    {
        var (model, summary, _) = trainer.Train(name, set, variant);
        models.Add(summary);
        File.Copy(Path.Combine(Path.GetDirectoryName(set.Path)!, name, "cv-results.csv"), EnsureFolder(results.CvFile(name)), overwrite: true);
        return model;
    }

    void Evaluate(string evaluation, SpectrumModel model, Dataset data, int[] sites)
    {
        WritePredictions(evaluation, data, sites, model.Predict(Dataset.Rows(model.InputsOf(data), sites)));
        log($"{evaluation}: {sites.Length} spectra predicted");
    }

    /// <summary>The baselines fitted on the sites the evaluation's model was trained on (the paper split's train and
    /// validation parts, or all of its set), applied to the evaluation's sites.</summary>
    void Baselines(EvaluationExperiment evaluation, Dataset training, Dataset data, int[] sites)
    {
        var variant = evaluation.Model.Input;
        var rows = evaluation.TestSitesOnly ? training.Indices(Splits.Paper, Part.Train, Part.Validation) : AllSites(training);
        var set = new Transfer.TrainingSet(training.Inputs[variant], training.Inputs[InputVariant.Conduction], training.Targets, training.Materials).Rows(rows);
        foreach (var (_, kind, predicted) in Transfer.Baselines(set, Dataset.Rows(data.Inputs[variant], sites),
            Dataset.Rows(data.Inputs[InputVariant.Conduction], sites), seed: 0))
            WritePredictions(Evaluations.Baseline(evaluation.Name, kind), data, sites, predicted);
        log($"{evaluation.Name}: the four baselines predicted");
    }

    /// <summary>The default predictor against the baselines by repeated group CV on every site of the set (one repeat
    /// with the quick grid, three with the paper's), with the default predictor's and ridge's error against each
    /// site's supercell width beside the label changes of the label-width study.</summary>
    GroupCvSummary CrossValidateDefaultPredictor(Dataset data, InputVariant variant, IReadOnlyList<ErrorByWidth.LabelChange> labelChanges)
    {
        var cv = CrossValidation.Default with { Repeats = trainer.Grid == SearchSpace.Quick ? 1 : CrossValidation.Default.Repeats };
        log($"group cross-validation of the default predictor and the baselines: {cv.Folds} folds x {cv.Repeats} repeats");
        var comparison = Comparison.Run(DefaultPredictor.Name, DefaultPredictor.Unfitted(cv.Seed), data.Inputs[variant],
            data.Inputs[InputVariant.Conduction], data.Targets, data.Materials, cv);
        var coverage = Calibration.Of(comparison.ModelRun);
        var byWidth = ErrorByWidth.Of(data.Records, new[] { DefaultPredictor.Name, Comparison.RidgeName }.Select(n => (n, comparison.RunOf(n))));
        return new GroupCvSummary(data.Count, data.Materials.Distinct().Count(), cv.Folds, cv.Repeats, comparison.Scores, coverage.OneSigma, coverage.TwoSigma,
            byWidth, labelChanges);
    }

    /// <summary>The retrospective acquisition study (<see cref="Acquisition"/>) on the group CV's sites; null, with the
    /// reason recorded, when a site has no measured core-hole time or the folds' training pools are no larger than the
    /// starting sites.</summary>
    Acquisition.Study? StudyAcquisition(Dataset data, InputVariant variant)
    {
        var settings = acquisitionSettings ?? (trainer.Grid == SearchSpace.Quick ? new Acquisition.Settings(Repeats: 1) : new Acquisition.Settings());
        var hours = data.Records.Select(r => r.Provenance.CoreHoleWallSeconds / 3600).ToArray();
        int untimed = hours.Count(h => !(h > 0));
        string? reason = untimed > 0 ? $"{untimed} of the {data.Count} sites record no core-hole wall time, which the per-hour order needs"
            : data.Count * (settings.Folds - 1) / settings.Folds <= settings.Start ? $"only {data.Count} sites: the {settings.Folds} folds' training pools would hold no more than the {settings.Start} starting sites; more come from: {CampaignCommand}"
            : null;
        if (reason is not null)
        {
            Missing(AcquisitionStudy, reason);
            return null;
        }
        log($"acquisition study: {settings.Folds} folds x {settings.Repeats} repeats, from {settings.Start} sites adding {settings.Step} a step");
        return Acquisition.Run(data.Inputs[variant], data.Targets, data.Materials, hours, settings, log);
    }

    void WritePredictions(string evaluation, Dataset data, int[] sites, Matrix predicted) => WritePredictions(results, evaluation, data, sites, predicted);

    /// <summary>The predictions file of <paramref name="evaluation"/>: the dataset's rows <paramref name="sites"/> and the
    /// prediction of each (row i of <paramref name="predicted"/> for site i).</summary>
    internal static void WritePredictions(ResultFiles results, string evaluation, Dataset data, int[] sites, Matrix predicted)
    {
        var energies = Featurizer.TargetGrid.ToArray();
        static double[] Doubles(ReadOnlySpan<float> row) => [.. row.ToArray().Select(x => (double)x)];
        results.WritePredictions(evaluation, sites.Select((site, i) => new SitePrediction(data.Records[site].Material, data.Records[site].Site,
            energies, Doubles(data.Targets.Row(site)), Doubles(predicted.Row(i)), Doubles(data.Inputs[InputVariant.Conduction].Row(site)))));
    }

    static int[] TestSites(Dataset data) => data.Indices(Splits.Paper, Part.Test);
    static int[] AllSites(Dataset data) => [.. Enumerable.Range(0, data.Count)];

    /// <summary>Wall time of predicting one site's spectrum from its input vector (median of repeated single-site calls).</summary>
    static double PredictionSeconds(SpectrumModel model, Dataset data)
    {
        var input = Dataset.Rows(model.InputsOf(data), [0]);
        var times = Enumerable.Range(0, 201).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            model.Predict(input);
            return clock.Elapsed.TotalSeconds;
        }).Order().ToArray();
        return times[times.Length / 2];
    }

    static string EnsureFolder(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
