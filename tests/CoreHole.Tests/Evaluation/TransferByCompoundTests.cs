using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Learning;
using CoreHole.Models;

namespace CoreHole.Tests.Evaluation;

public class TransferByCompoundTests
{
    // Rows: 0-1 silica polymorphs, 2-3 TiO2 anatase and rutile, 4 MgO rock salt, 5 BaO; transfer rows 6 MgO, 7 SrTiO3.
    static readonly string[] Formulas = ["SiO2", "SiO2", "TiO2", "TiO2", "MgO", "BaO", "MgO", "SrTiO3"];
    static readonly int[] Pool = [0, 1, 2, 3, 4, 5], HeldOut = [2, 3, 4, 5], TransferRows = [6, 7];

    [Fact]
    public void PolymorphsLeaveTogetherAndTransferOnlyFormulasShareTheWholePool()
    {
        Assert.Equal([["BaO"], ["MgO"], ["TiO2"], ["SrTiO3"]], TransferByCompound.Groups(Formulas, HeldOut, TransferRows));
        Assert.Equal([0, 1, 4, 5], TransferByCompound.TrainingRows(Formulas, Pool, ["TiO2"]));
        Assert.Equal(Pool, TransferByCompound.TrainingRows(Formulas, Pool, ["SrTiO3"])); // nothing of it in the pool
    }

    [Fact]
    public void BoundedFoldsDealTheCompoundsIntoGroups()
    {
        string[] formulas = ["SiO2", "A", "B", "C", "D", "E", "E", "Q"];
        Assert.Equal([["A", "C", "E"], ["B", "D"], ["Q"]], TransferByCompound.Groups(formulas, [1, 2, 3, 4, 5, 6], [7], maxFolds: 2));
        Assert.Equal([["A"], ["B"], ["C"], ["D"], ["E"]], TransferByCompound.Groups(formulas, [1, 2, 3, 4, 5, 6], [], maxFolds: 9));
    }

    [Fact]
    public void HeldOutRowsOutsideThePoolAreRefused() =>
        Assert.Throws<ArgumentException>(() => TransferByCompound.Run(Synthetic(8).Sites, [0, 1], [2], [], () => new MeanSpectrum(), "mean", 0));

    [Fact]
    public void EachCompoundIsPredictedByAModelThatNeverSawItsFormula()
    {
        var (sites, formulas) = Synthetic(40);
        int[] pool = [.. Enumerable.Range(0, 34)], heldOut = [.. Enumerable.Range(24, 10)], transfer = [.. Enumerable.Range(34, 6)];

        var folds = TransferByCompound.Run(sites, pool, heldOut, transfer, () => new RidgeRegression([0.1, 1, 10], seed: 0), "ridge", seed: 0);

        Assert.Equal(TransferByCompound.Groups(formulas, heldOut, transfer), folds.Select(f => f.Formulas));
        Assert.Equal(heldOut.Concat(transfer).Order(), folds.SelectMany(f => f.HeldOut.Concat(f.Transfer)).Order());
        foreach (var fold in folds)
        {
            Assert.DoesNotContain(fold.Training, i => fold.Formulas.Contains(formulas[i]));
            Assert.Equal(pool.Count(i => !fold.Formulas.Contains(formulas[i])), fold.Training.Length);
            Assert.All(fold.HeldOut.Concat(fold.Transfer), i => Assert.Contains(formulas[i], fold.Formulas));
            // The model and the four baselines, each a row per held-out site; the transfer sites by the model alone.
            Assert.Equal(fold.HeldOut.Length == 0 ? 0 : 5, fold.HeldOutPredictions.Count);
            Assert.All(fold.HeldOutPredictions, p => Assert.Equal(fold.HeldOut.Length, p.Predicted.Rows));
            Assert.Equal(fold.Transfer.Length == 0 ? null : fold.Transfer.Length, fold.TransferPredicted?.Rows);
        }
        // The fold's model is the one a fit on its training rows gives: the same numbers.
        var fold0 = folds.First(f => f.HeldOut.Length > 0);
        var direct = new RidgeRegression([0.1, 1, 10], seed: 0);
        var set = sites.Training(fold0.Training);
        direct.Fit(set.Inputs, set.Targets, set.Groups);
        Assert.Equal(direct.Predict(Rows.Select(sites.Inputs, fold0.HeldOut)).Mean.Data, fold0.HeldOutPredictions[0].Predicted.Data);
        // SyntheticSites' relation is learnable across materials: ridge beats the mean spectrum on the held-out compounds.
        double Mse(int predictor) => folds.Where(f => f.HeldOut.Length > 0).SelectMany(f => f.HeldOut.Select((row, i) =>
            Rows.MeanSquaredDifference(f.HeldOutPredictions[predictor].Predicted.Row(i), sites.Targets.Row(row)))).Average();
        Assert.True(Mse(0) < 0.5 * Mse(1), $"ridge {Mse(0):0.000} vs mean spectrum {Mse(1):0.000}");
    }

    /// <summary>Synthetic sites whose materials pair up into compounds (two materials a formula, as polymorphs); the
    /// conduction input as the model's too, which keeps the baselines' ridge small enough for a unit test.</summary>
    static (TransferByCompound.Sites Sites, string[] Formulas) Synthetic(int count)
    {
        var data = Dataset.Build(SyntheticSites.Make(count, seed: 5), Featurizer.Default, 0);
        var materials = data.Materials.Distinct().ToList();
        string[] formulas = [.. data.Materials.Select(m => $"X{materials.IndexOf(m) / 2}O")];
        return (new TransferByCompound.Sites(data.Inputs[InputVariant.Conduction], data.Inputs[InputVariant.Conduction], data.Targets,
            data.Materials, formulas), formulas);
    }
}
