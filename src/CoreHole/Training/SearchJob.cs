namespace CoreHole.Training;

/// <summary>One (combination, fold) training of the cross-validation; its id names its checkpoint file.</summary>
public sealed record SearchJob(Combination Combination, int Fold)
{
    public string Id => $"c{Combination.Index:D3}-f{Fold}";

    public static SearchJob Parse(string id, int folds)
    {
        if (id.Length == 7 && id[0] == 'c' && id[4..6] == "-f" && int.TryParse(id[1..4], out var c) && int.TryParse(id[6..], out var f)
            && c < SearchSpace.Combinations.Count && f < folds)
            return new SearchJob(SearchSpace.Combinations[c], f);
        throw new InputError($"no search job '{id}': ids run from c000-f0 to c{SearchSpace.Combinations.Count - 1:D3}-f{folds - 1}");
    }
}

/// <summary>
/// A finished job, as its checkpoint (jobs/ID.json) keeps it: the fold's validation MSE at the kept (best) epoch, how
/// many epochs ran, and the work and time it took.
/// </summary>
public sealed record SearchJobResult(
    string Id, int Combination, int Fold, double ValidationMse, int BestEpoch, int EpochsRun, bool StoppedEarly,
    int TrainingSamples, int ValidationSamples, double Flops, double Seconds);
