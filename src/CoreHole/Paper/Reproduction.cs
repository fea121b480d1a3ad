using System.Diagnostics;
using CoreHole.Datasets;
using CoreHole.Learning;
using static CoreHole.Paper.Evaluations;
using CoreHole.Training;

namespace CoreHole.Paper;

/// <summary>
/// The paper's experiments on our sites: four models (crystalline SiO2 with each input variant, amorphous SiO2 without
/// band gap), each applied where the paper applies it, written as result files (<see cref="ResultFiles"/>) that
/// <see cref="ReportPage"/> turns into the page. A set too small to train on is not trained on: the summary says so
/// and which command makes more data.
/// </summary>
public sealed class Reproduction(ModelTrainer trainer, ResultFiles results, Action<string> log)
{
    /// <summary>The paper split leaves a test site from 10 sites on, and the 5-fold search needs 5 outside it.</summary>
    public const int MinimumSites = 10;
    /// <summary>Below this the report warns that MSEs and the chosen architecture say little (the paper had 1171 sites).</summary>
    public const int MeaningfulSites = 100;

    readonly Dictionary<string, string> missing = [];
    readonly List<TrainedModelSummary> models = [];

    public ReproductionSummary Run(ReproductionSites sites)
    {
        var clock = Stopwatch.StartNew();
        results.WriteAmorphousCells(sites.AmorphousCells ?? []);
        var crystalline = Build("crystalline", sites.Crystalline);
        var amorphous = Build("amorphous", sites.Amorphous);
        var oxides = Build("oxides", sites.Oxides.Where(s => s.Material != ReproductionSites.SrTiO3).ToList());
        var srTiO3 = Build("srtio3", sites.Oxides.Where(s => s.Material == ReproductionSites.SrTiO3).ToList());
        const string SrTiO3Missing = "SrTiO3 is not in the dataset yet: its site comes from ./corehole simulate --manifest data/structures/campaign.txt -o data/campaign";
        var amorphousMissing = $"no amorphous SiO2 spectra are in the dataset yet ({sites.Amorphous.Count} sites); they come from: {AmorphousCommand}";
        double? predictionSeconds = null;

        if (crystalline is not null && TooFew(sites.Crystalline.Count, "crystalline SiO2", CampaignCommand) is null)
        {
            var conduction = Train(CrystallineConductionModel, crystalline, InputVariant.Conduction);
            Evaluate(CrystallineConduction, conduction, crystalline.Data, TestSites(crystalline.Data));
            Evaluate(CrystallineAllConduction, conduction, crystalline.Data, AllSites(crystalline.Data));
            var bandGap = Train(CrystallineBandGapModel, crystalline, InputVariant.BandGap);
            Evaluate(CrystallineBandGap, bandGap, crystalline.Data, TestSites(crystalline.Data));
            var valence = Train(CrystallineValenceModel, crystalline, InputVariant.Valence);
            predictionSeconds = PredictionSeconds(valence, crystalline.Data);
            if (amorphous is not null)
            {
                Evaluate(AmorphousConduction, conduction, amorphous.Data, AllSites(amorphous.Data));
                Evaluate(AmorphousBandGap, bandGap, amorphous.Data, AllSites(amorphous.Data));
                Evaluate(AmorphousValence, valence, amorphous.Data, AllSites(amorphous.Data));
            }
            else missing[Fig3] = amorphousMissing;
            if (oxides is not null) Evaluate(Oxides, valence, oxides.Data, AllSites(oxides.Data));
            else missing[Fig4] = $"no Li2O, MgO, alpha-Al2O3 or alpha-GeO2 spectra are in the dataset yet; they come from: {CampaignCommand}";
            if (srTiO3 is not null) Evaluate(SrTiO3, valence, srTiO3.Data, AllSites(srTiO3.Data));
            else missing[SuppFig3] = SrTiO3Missing;
        }
        else
        {
            var shortage = TooFew(sites.Crystalline.Count, "crystalline SiO2", CampaignCommand)!;
            foreach (var section in new[] { Fig2, Fig3, Fig4, SuppFig3, Search })
                missing[section] = $"no model trained on crystalline SiO2: {shortage}";
            if (srTiO3 is null) missing[SuppFig3] += $"; and {SrTiO3Missing}";
            log(missing[Fig2]);
        }

        if (amorphous is not null && TooFew(sites.Amorphous.Count, "amorphous SiO2", AmorphousCommand) is null)
        {
            var model = Train(AmorphousConductionModel, amorphous, InputVariant.Conduction);
            if (crystalline is not null) Evaluate(CrystallineByAmorphousModel, model, crystalline.Data, AllSites(crystalline.Data));
            else missing[SuppFig1] = $"no crystalline SiO2 spectra are in the dataset yet; they come from: {CampaignCommand}";
        }
        else
        {
            missing[SuppFig1] = $"no model trained on amorphous SiO2: {TooFew(sites.Amorphous.Count, "amorphous SiO2", AmorphousCommand)}";
            log(missing[SuppFig1]);
        }

        var costs = sites.Crystalline.Concat(sites.Amorphous).Concat(sites.Oxides)
            .Where(s => s.Provenance.CoreHoleWallSeconds > 0 && s.Provenance.GroundStateWallSeconds > 0)
            .Select(s => new SiteCost(s.Material, s.Site, s.Provenance.GroundStateWallSeconds, s.Provenance.CoreHoleWallSeconds)).ToList();
        results.WriteCosts(costs);
        if (costs.Count == 0) missing[Cost] = $"no site with measured wall times is in the dataset yet; they come from: {CampaignCommand}";

        var summary = new ReproductionSummary(sites.Description, trainer.Grid, DateTimeOffset.UtcNow, clock.Elapsed.TotalSeconds,
            sites.Crystalline.Count, sites.Amorphous.Count, sites.Oxides.Count, sites.Notes, models, predictionSeconds, missing);
        results.WriteSummary(summary);
        return summary;
    }

    sealed record Built(string Path, Dataset Data);

    Built? Build(string name, IReadOnlyList<SiteRecord> records)
    {
        if (records.Count == 0) return null;
        var data = Dataset.Build(records, Featurizer.Default, splitSeed: 0);
        log($"{name}: {records.Count} sites in {records.Select(r => r.Material).Distinct().Count()} materials");
        return new Built(trainer.WriteDataset(name, data), data);
    }

    /// <summary>Why a set of <paramref name="count"/> sites is too small to train on, or null if it is not.</summary>
    static string? TooFew(int count, string what, string command) => count >= MinimumSites ? null
        : $"only {count} {what} sites are in the dataset yet; training needs at least {MinimumSites} (the paper's 9:1 split then leaves a test site); more come from: {command}";

    SpectrumModel Train(string name, Built set, InputVariant variant)
    {
        var (model, summary, _) = trainer.Train(name, set.Path, variant);
        models.Add(summary);
        File.Copy(Path.Combine(Path.GetDirectoryName(set.Path)!, name, "cv-results.csv"), EnsureFolder(results.CvFile(name)), overwrite: true);
        return model;
    }

    void Evaluate(string evaluation, SpectrumModel model, Dataset data, int[] sites)
    {
        var predicted = model.Predict(Dataset.Rows(model.InputsOf(data), sites));
        var energies = Featurizer.TargetGrid.ToArray();
        static double[] Doubles(ReadOnlySpan<float> row) => [.. row.ToArray().Select(x => (double)x)];
        results.WritePredictions(evaluation, sites.Select((site, i) => new SitePrediction(data.Records[site].Material, data.Records[site].Site,
            energies, Doubles(data.Targets.Row(site)), Doubles(predicted.Row(i)), Doubles(data.Inputs[InputVariant.Conduction].Row(site)))));
        log($"{evaluation}: {sites.Length} spectra predicted");
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
