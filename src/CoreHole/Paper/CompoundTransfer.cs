using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using static CoreHole.Paper.Evaluations;

namespace CoreHole.Paper;

/// <summary>
/// Transfer beyond the paper. Every compound of the oxide campaign predicted by the default predictor trained on
/// crystalline SiO2 and every other compound (<see cref="TransferByCompound"/>: polymorphs leave together), beside the
/// baselines fitted on the same sites; and the paper's transfer oxides predicted by the default predictor trained on
/// crystalline SiO2 alone and by the one trained on crystalline SiO2 and every oxide but their own formula. The valence
/// input throughout, Fig. 4's. Writes the predictions files <see cref="ByCompound"/> (with its baselines),
/// <see cref="TransferSilicaOnly"/>, <see cref="TransferAllOxides"/> and the list of held-out materials.
/// </summary>
public static class CompoundTransfer
{
    public const InputVariant Input = InputVariant.Valence;

    /// <summary>With <c>--quick</c> (run in CI) the compounds are held out in this many groups rather than one by one, so
    /// that the section's cost does not grow with the campaign.</summary>
    public const int QuickFolds = 5;

    /// <summary>The default predictor, or with <paramref name="quick"/> the same design with 2 networks instead of 5:
    /// the fits are the section's whole cost.</summary>
    public static ISpectrumModel Model(bool quick) =>
        DefaultPredictor.Unfitted(seed: 0, members: quick ? 2 : 5);

    /// <returns>Why the section has no results, or null when it was written.</returns>
    public static string? Run(ReproductionSites sites, ResultFiles results, bool quick, Action<string> log)
    {
        var others = sites.OtherOxides ?? [];
        if (others.Count == 0) return $"no site of the oxide campaign is finished yet; they come from: {OxidesCommand}";
        if (sites.Crystalline.Count < Reproduction.MinimumSites)
            return $"only {sites.Crystalline.Count} crystalline SiO2 sites are in the dataset yet; the silica-only model trains on them and needs at least {Reproduction.MinimumSites}; more come from: {CampaignCommand}";
        SiteRecord[] records = [.. sites.Crystalline, .. others, .. sites.Oxides];
        var data = Dataset.Build(records, Featurizer.Default, splitSeed: 0);
        int[] crystalline = [.. Enumerable.Range(0, sites.Crystalline.Count)], heldOut = [.. Enumerable.Range(crystalline.Length, others.Count)],
            transfer = [.. Enumerable.Range(crystalline.Length + others.Count, sites.Oxides.Count)];
        string[] formulas = [.. records.Select(r => r.Origin?.Formula
            ?? throw new InputError(r.Provenance.Source, null, $"{r.Id}: no formula (not read from a campaign folder)"))];
        var input = new TransferByCompound.Sites(data.Inputs[Input], data.Inputs[InputVariant.Conduction], data.Targets, data.Materials, formulas);
        var folds = TransferByCompound.Run(input, [.. crystalline, .. heldOut], heldOut, transfer, () => Model(quick), DefaultPredictor.Name, seed: 0,
            maxFolds: quick ? QuickFolds : null, (formulas, n, count) => log($"leave-one-compound-out: {formulas} held out ({n}/{count})"));
        var withSites = folds.Where(f => f.HeldOut.Length > 0).ToList();
        int[] heldRows = [.. withSites.SelectMany(f => f.HeldOut)];
        for (int p = 0; p < withSites[0].HeldOutPredictions.Count; p++)
            Reproduction.WritePredictions(results, p == 0 ? ByCompound : Baseline(ByCompound, withSites[0].HeldOutPredictions[p].Kind), data, heldRows,
                Stacked([.. withSites.Select(f => f.HeldOutPredictions[p].Predicted)]));
        results.WriteCompounds(folds.SelectMany((f, n) => f.HeldOut.Concat(f.Transfer).Select(i => records[i]).DistinctBy(r => r.Material)
            .Select(r => new HeldOutMaterial(r.Origin!.Formula, r.Material, r.Origin.Set, n + 1, f.Training.Length))));

        if (transfer.Length > 0)
        {
            var silica = Model(quick);
            var set = input.Training(crystalline);
            silica.Fit(set.Inputs, set.Targets, set.Groups);
            Reproduction.WritePredictions(results, TransferSilicaOnly, data, transfer, silica.Predict(Rows.Select(input.Inputs, transfer)).Mean);
            var byOwnFold = folds.Where(f => f.Transfer.Length > 0).ToList();
            Reproduction.WritePredictions(results, TransferAllOxides, data, [.. byOwnFold.SelectMany(f => f.Transfer)],
                Stacked([.. byOwnFold.Select(f => f.TransferPredicted!)]));
        }
        log($"leave-one-compound-out: {heldOut.Select(i => formulas[i]).Distinct().Count()} compounds ({heldRows.Length} sites) held out in {withSites.Count} fits, {transfer.Length} transfer-oxide sites");
        return null;
    }

    static Matrix Stacked(IReadOnlyList<Matrix> parts)
    {
        var result = new Matrix(parts.Sum(p => p.Rows), parts[0].Columns);
        int row = 0;
        foreach (var part in parts)
            for (int i = 0; i < part.Rows; i++) part.Row(i).CopyTo(result.Row(row++));
        return result;
    }
}
