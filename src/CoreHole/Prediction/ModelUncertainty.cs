using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Simulation;

namespace CoreHole.Prediction;

/// <summary>
/// A model file's spread on a campaign's sites, for <see cref="UncertaintyOrder"/>: each site's input is read from its
/// material's finished ground state as <c>corehole predict</c> reads it (<see cref="GroundState.Finished"/>), and its
/// spread is the mean over the energy grid of the ensemble's ±1σ, as <c>predict</c> and <c>evaluate</c> report it.
/// </summary>
public sealed class ModelUncertainty : ISiteUncertainty
{
    readonly LoadedModel model;

    ModelUncertainty(LoadedModel model) => this.model = model;

    /// <summary>Loads a model that gives a spread: an ensemble (<c>corehole train --ensemble</c>); any other is refused.</summary>
    public static ModelUncertainty Load(string path)
    {
        var loaded = LoadedModel.Load(path);
        return loaded.Model is IEnsembleModel ? new ModelUncertainty(loaded)
            : throw new InputError(path, null, $"a {loaded.Model.Kind} model gives no spread to order sites by: use an ensemble (corehole train --ensemble)");
    }

    public IReadOnlyDictionary<string, double> Spreads(Campaign campaign, MaterialPlan plan)
    {
        var groundState = GroundState.Finished(campaign, plan);
        var inputs = Matrix.FromRows([.. groundState.Sites.Select(s => model.Featurizer.Input(model.Variant, s.Pdos, groundState.Edges, s.PdosPath))]);
        var spread = model.Model.Predict(inputs).Spread;
        return groundState.Sites.Select((s, i) => (s.Label, Spread: OutOfDistribution.MeanOf(spread.Row(i))))
            .ToDictionary(s => s.Label, s => s.Spread, StringComparer.Ordinal);
    }
}
