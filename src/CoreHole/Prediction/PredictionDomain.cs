using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Paper;

namespace CoreHole.Prediction;

/// <summary>
/// What a new site is measured against by <see cref="OutOfDistribution"/>: the training domain the model file records
/// (<c>corehole train --ensemble</c> stores it, with the thresholds fitted on held-out sites: distance and spread), else
/// the crystalline sites of the model's training dataset (what training fits on: neither the amorphous cells nor the
/// transfer oxides), distance only. A distance score above 1 is farther from every training site than 95% of training
/// sites are from the nearest site of another material.
/// </summary>
public static class PredictionDomain
{
    public static OutOfDistribution Of(LoadedModel model, string dataset)
    {
        if (model.Domain is { } stored) return new OutOfDistribution(stored);
        if (!File.Exists(dataset)) throw new InputError(dataset, null, "no such dataset: the model file records no training domain, so name its training dataset with --domain (it measures how far a site lies from it)");
        var data = DatasetFile.Read(dataset);
        var inputs = model.InputsOf(data);
        var crystalline = SiteSets.Of(data.Materials, ReproductionSites.TransferOxides).Crystalline;
        if (crystalline.Length == 0) throw new InputError(dataset, null, "has no crystalline sites to measure the training domain on");
        return new OutOfDistribution(Rows.Select(inputs, crystalline), crystalline.Select(i => data.Materials[i]).ToArray(), heldOutSpreads: null);
    }
}
