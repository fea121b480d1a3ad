using System.Globalization;
using System.Text;

namespace CoreHole.Evaluation;

/// <summary>A <see cref="ModelCard"/> as Markdown, for people; <c>model-card.json</c> holds the same numbers for programs.</summary>
public static class ModelCardText
{
    public static string Markdown(ModelCard card)
    {
        var t = card.Training;
        var text = new StringBuilder();
        void Line(string line = "") => text.AppendLine(line);

        Line($"# Model card: {card.Model}");
        Line();
        Line($"Kind `{card.Kind}`, written by CoreHole {card.CoreHoleVersion} in {F(card.TrainingWallSeconds / 60)} min (training, calibration and evaluation). Rebuild it with:");
        Line();
        Line($"```\n{card.RebuildCommand}\n```");
        Line();
        Line($"Hyper-parameters: {string.Join(", ", card.Hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {F(p.Value)}"))}.");
        Line();
        Line($"## Training data");
        Line();
        Line($"{t.Sites} O sites from {t.Materials} materials of `{t.Dataset}` (SHA-256 `{t.DatasetSha256[..16]}…`): the {ModelEvaluation.CrystallineSet} set. " +
            $"The dataset's sets: {string.Join(", ", t.Sets.Select(s => $"{s.Key} {s.Value} sites"))}; only the first is trained on, the others are the domain checks below.");
        Line();
        Line($"- materials: {string.Join(", ", t.MaterialNames)}");
        Line($"- DFT: {string.Join(", ", t.CodeVersions)}");
        if (t.Presets.Count > 0) Line($"- presets: {string.Join(", ", t.Presets.Select(p => $"`{p.Key}` ({p.Value} sites)"))}");
        if (t.SupercellWidthsA.Count == 3)
            Line($"- core-hole supercells: smallest width {F(t.SupercellWidthsA[0])} / {F(t.SupercellWidthsA[1])} / {F(t.SupercellWidthsA[2])} Å (min / median / max over the sites)");
        if (t.Pseudopotentials.Count > 0) Line($"- pseudopotentials: {string.Join(", ", t.Pseudopotentials.Select(p => $"`{p.Key}` ({p.Value[..12]}…)"))}");
        if (t.SitesWithoutCampaignRecords > 0) Line($"- {t.SitesWithoutCampaignRecords} sites have no campaign records (stage.json and plan.json) beside their source");
        Line();
        Line($"## Input and preprocessing");
        Line();
        Line($"Input variant `{card.Input.Variant}`; preprocessing `{card.Input.Preprocessing}` ({string.Join(", ", card.Input.Parameters.Select(p => $"{p.Key} {F(p.Value)}"))}).");
        Line();
        foreach (var g in card.Input.Grids) Line($"- grid `{g.Name}`: {F(g.FirstEv)} to {F(g.LastEv)} eV, {g.Points} points");
        Line();
        var cv = card.CrossValidation;
        Line($"## Group cross-validation");
        Line();
        Line($"Whole materials held out, {cv.Folds} folds x {cv.Repeats} repeats, seed {cv.Seed}; MSE per site at mean 1, 95% bootstrap interval over materials.");
        Line();
        Line($"| predictor | MSE | 95% interval | skill over the mean spectrum |");
        Line($"|---|---|---|---|");
        foreach (var s in cv.Scores) Line($"| {s.Name} | {F(s.Mse.Estimate)} | {F(s.Mse.Low)} - {F(s.Mse.High)} | {F(s.Skill)} |");
        Line();
        Line($"{cv.Verdict}.");
        Line();
        var c = card.Calibration;
        Line($"## Uncertainty");
        Line();
        Line($"The spread (members' standard deviation) is multiplied by {F(c.Scale)}, fitted on held-out folds. With each fold's scale fitted on the other folds, ±1σ covers {P(c.OneSigma)} of held-out points (goal 68.3%) and ±2σ {P(c.TwoSigma)} (goal 95.4%).");
        Line();
        var d = card.Domain;
        Line($"## Domain");
        Line();
        Line($"Trained on {(d.Elements.Count > 0 ? string.Join(", ", d.Elements) : "materials of unknown elements")}; band gaps {F(d.MinBandGapEv)} to {F(d.MaxBandGapEv)} eV. A prediction is flagged out of distribution when its input lies farther than {F(d.DistanceThreshold)} " +
            $"from every training input (the 95th percentile of the training sites' distance to another material) or its mean spread exceeds {F(d.SpreadThreshold)} (the 95th percentile on held-out sites).");
        Line();
        Line($"## Check");
        Line();
        Line($"Numbers `ModelCard.Recheck` recomputes from the model file and the dataset (a unit test does): mean in-sample MSE over the training sites {F(card.Check.InSampleMse)}; the sites outside the training set:");
        Line();
        if (card.Check.Outside.Count == 0) return text.AppendLine("(none)").ToString();
        Line($"| set | sites | median MSE | flagged | input distance score (min - max) |");
        Line($"|---|---|---|---|---|");
        foreach (var group in card.Check.Outside.GroupBy(o => o.Set == ModelEvaluation.OxideSet ? o.Material : o.Set))
        {
            var mse = group.Select(o => o.Mse).Order().ToArray();
            Line($"| {group.Key} | {mse.Length} | {F(Bootstrap.Quantile(mse, 0.5))} | {group.Count(o => o.Flagged)} | {F(group.Min(o => o.InputDistance))} - {F(group.Max(o => o.InputDistance))} |");
        }
        return text.ToString();
    }

    static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
    static string P(double fraction) => (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
