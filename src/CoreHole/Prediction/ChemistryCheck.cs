using System.Globalization;
using CoreHole.Models;

namespace CoreHole.Prediction;

/// <summary>
/// Whether a material lies inside the chemistry a model was trained on: elements it never saw, and a band gap outside
/// the training materials' range. The per-site input distance (<see cref="Evaluation.OutOfDistribution"/>) measures
/// what the network sees; this says why, in the terms a spectroscopist checks first. A model file that records no
/// training domain gives no check (null).
/// </summary>
/// <param name="UnseenElements">The material's elements that no training material has.</param>
/// <param name="BandGapEv">The material's gap; <paramref name="MinBandGapEv"/> to <paramref name="MaxBandGapEv"/> is the training range.</param>
public sealed record ChemistryCheck(IReadOnlyList<string> UnseenElements, double BandGapEv, double MinBandGapEv, double MaxBandGapEv)
{
    public bool BandGapOutside => BandGapEv < MinBandGapEv || BandGapEv > MaxBandGapEv;
    public bool Flagged => UnseenElements.Count > 0 || BandGapOutside;

    public static ChemistryCheck? Of(GroundState groundState, TrainingDomain? domain) => domain is null ? null
        : new([.. groundState.Elements.Except(domain.Elements, StringComparer.Ordinal)], groundState.Edges.Gap, domain.MinBandGapEv, domain.MaxBandGapEv);

    /// <summary>The verdict as predict prints it and writes it in each CSV header.</summary>
    public string Verdict => $"training chemistry: {(Flagged ? "OUTSIDE" : "inside")} ({Describe()})";

    /// <summary>One line: what lies outside the training chemistry, or that nothing does.</summary>
    public string Describe()
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"band gap {BandGapEv:0.00} eV {(BandGapOutside ? "outside" : "inside")} the training range {MinBandGapEv:0.00}-{MaxBandGapEv:0.00} eV");
        return UnseenElements.Count == 0 ? $"elements all seen in training; {range}"
            : $"elements never seen in training: {string.Join(", ", UnseenElements)}; {range}";
    }
}
