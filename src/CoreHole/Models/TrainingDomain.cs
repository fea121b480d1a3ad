using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// What a model was trained on, kept in its archive so that a prediction can say when a new input lies outside it:
/// the training inputs themselves (a new input's distance to the nearest of them is the first out-of-distribution
/// score), the two scales that make each score 1 at the edge of the domain, and the chemistry and band gaps seen.
/// Evaluation.OutOfDistribution measures the scales and applies them.
/// </summary>
/// <param name="DistanceScale">The 95th percentile of the distances from each training input to the nearest input of
/// another material: an input farther than this from every training input is flagged.</param>
/// <param name="SpreadScale">The 95th percentile of the model's mean spread on sites held out by group cross-validation
/// (0 for a model without spread): a mean spread above it is flagged.</param>
/// <param name="Elements">The elements of the training materials, sorted.</param>
public sealed record TrainingDomain(Matrix Inputs, double DistanceScale, double SpreadScale, IReadOnlyList<string> Elements,
    double MinBandGapEv, double MaxBandGapEv);
