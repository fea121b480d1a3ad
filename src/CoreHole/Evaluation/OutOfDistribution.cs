using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Evaluation;

/// <summary>
/// How far an input lies from what a model was trained on, as two scores where 1 is the edge of the training
/// domain and above it a prediction is flagged: the distance to the nearest training input over the 95th percentile
/// of the distances from each training site to the nearest site of another material (a new material typically lies
/// that far), and the ensemble's mean spread over the 95th percentile of its spread on sites held out by group CV.
/// A model archive keeps the training inputs and both scales as its <see cref="TrainingDomain"/>, so that a model
/// loaded later flags what this one would.
/// </summary>
public sealed class OutOfDistribution
{
    const double Percentile = 0.95;
    readonly Matrix training;
    readonly double distanceScale, spreadScale;

    /// <param name="heldOutSpreads">The model's mean spread on sites it did not see (group CV), or null without spreads.</param>
    public OutOfDistribution(Matrix trainingInputs, IReadOnlyList<string> groups, IReadOnlyList<double>? heldOutSpreads)
    {
        training = trainingInputs;
        var nearestOther = Enumerable.Range(0, groups.Count).Select(i => Enumerable.Range(0, groups.Count)
            .Where(j => groups[j] != groups[i]).Select(j => Distance(training.Row(i), training.Row(j))).DefaultIfEmpty(0).Min()).Order().ToArray();
        distanceScale = Bootstrap.Quantile(nearestOther, Percentile);
        spreadScale = heldOutSpreads is { Count: > 0 } ? Bootstrap.Quantile([.. heldOutSpreads.Order()], Percentile) : 0;
        if (!(distanceScale > 0)) throw new InputError("the training inputs are too few or identical to measure a distance scale");
    }

    /// <summary>The scores of a domain measured before, e.g. a loaded model's.</summary>
    public OutOfDistribution(TrainingDomain domain) =>
        (training, distanceScale, spreadScale) = (domain.Inputs, domain.DistanceScale, domain.SpreadScale);

    /// <summary>This domain as a model archive keeps it, with the training materials' elements and band-gap range.</summary>
    public TrainingDomain Stored(IEnumerable<string> elements, IReadOnlyCollection<double> bandGapsEv) =>
        new(training, distanceScale, spreadScale, [.. elements.Distinct().Order(StringComparer.Ordinal)], bandGapsEv.Min(), bandGapsEv.Max());

    public sealed record Score(double Distance, double? Spread)
    {
        public bool Flagged => Distance > 1 || Spread > 1;
    }

    public Score Of(ReadOnlySpan<float> input, ReadOnlySpan<float> spread)
    {
        double nearest = double.PositiveInfinity;
        for (int i = 0; i < training.Rows; i++) nearest = Math.Min(nearest, Distance(training.Row(i), input));
        return new Score(nearest / distanceScale, spreadScale > 0 ? MeanOf(spread) / spreadScale : null);
    }

    public static double MeanOf(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Math.Sqrt(Rows.SquaredDistance(a, b));
}
