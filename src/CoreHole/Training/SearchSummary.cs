using System.Globalization;
using System.Text;

namespace CoreHole.Training;

/// <summary>One combination's cross-validation: its fold MSEs, their mean and sample standard deviation.</summary>
public sealed record CombinationScore(Combination Combination, IReadOnlyList<double> FoldMse, double MeanEpochs)
{
    public double Mean => FoldMse.Average();

    /// <summary>Sample standard deviation (n − 1) of the fold MSEs.</summary>
    public double Std => FoldMse.Count < 2 ? 0 : Math.Sqrt(FoldMse.Sum(m => (m - Mean) * (m - Mean)) / (FoldMse.Count - 1));
}

/// <summary>
/// The finished search: every combination's score, in combination order, and the best (lowest mean validation MSE;
/// ties go to the earlier combination). Made from the checkpoints alone, so a resumed search and an uninterrupted
/// one give the same table, byte for byte.
/// </summary>
public sealed class SearchSummary
{
    SearchSummary(IReadOnlyList<CombinationScore> scores, IReadOnlyList<SearchJobResult> results) => (Scores, Results) = (scores, results);

    public IReadOnlyList<CombinationScore> Scores { get; }
    public IReadOnlyList<SearchJobResult> Results { get; }
    public CombinationScore Best => Scores.MinBy(s => s.Mean)!;
    public double TotalFlops => Results.Sum(r => r.Flops);

    /// <summary>The summary of a folder whose jobs have all finished.</summary>
    public static SearchSummary Of(SearchFolder folder)
    {
        var jobs = folder.Jobs();
        var results = jobs.Select(j => folder.Result(j) ?? throw new InputError(folder.Folder, null, $"job {j.Id} has not finished")).ToList();
        var scores = results.GroupBy(r => r.Combination).OrderBy(g => g.Key)
            .Select(g => new CombinationScore(SearchSpace.Combinations[g.Key], [.. g.OrderBy(r => r.Fold).Select(r => r.ValidationMse)],
                g.Average(r => r.EpochsRun)))
            .ToList();
        return new SearchSummary(scores, results);
    }

    /// <summary>cv-results.csv: one row per combination; MSEs in full (round-trip) precision.</summary>
    public void WriteCsv(string path)
    {
        int folds = Scores[0].FoldMse.Count;
        var text = new StringBuilder("combination,hidden,weight_decay,mean_mse,std_mse,")
            .AppendJoin(',', Enumerable.Range(1, folds).Select(f => $"fold{f}_mse")).Append(",mean_epochs\n");
        foreach (var s in Scores)
            text.Append(CultureInfo.InvariantCulture, $"{s.Combination.Index},{s.Combination.HiddenText},{s.Combination.WeightDecayText},{R(s.Mean)},{R(s.Std)},")
                .AppendJoin(',', s.FoldMse.Select(R)).Append(CultureInfo.InvariantCulture, $",{s.MeanEpochs:0.0}\n");
        Atomic.WriteAllText(path, text.ToString());
    }

    static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
