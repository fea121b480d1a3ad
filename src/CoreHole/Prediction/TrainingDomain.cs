using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;
using CoreHole.Paper;

namespace CoreHole.Prediction;

/// <summary>
/// The inputs a model was trained on, as <see cref="OutOfDistribution"/> measures a new input against: the crystalline
/// sites of its training dataset (what <c>corehole train --ensemble</c> fits on: neither the amorphous cells nor the
/// transfer oxides). A distance score above 1 is farther from every training site than 95% of training sites are
/// from the nearest site of another material.
/// </summary>
public static class TrainingDomain
{
    public static OutOfDistribution Of(LoadedModel model, string dataset)
    {
        if (!File.Exists(dataset)) throw new InputError(dataset, null, "no such dataset: name the model's training dataset with --domain (it measures how far a site lies from it)");
        var data = DatasetFile.Read(dataset);
        var inputs = model.InputsOf(data);
        var crystalline = SiteSets.Of(data.Materials, ReproductionSites.TransferOxides).Crystalline;
        if (crystalline.Length == 0) throw new InputError(dataset, null, "has no crystalline sites to measure the training domain on");
        return new OutOfDistribution(Rows.Select(inputs, crystalline), crystalline.Select(i => data.Materials[i]).ToArray(), heldOutSpreads: null);
    }
}
