using CoreHole.Evaluation;
using CoreHole.Learning;

namespace CoreHole.Tests.Evaluation;

public class SiteSetsTests
{
    [Fact]
    public void OxidesByNameAmorphousByPrefixAndTheRestCrystalline()
    {
        var sets = SiteSets.Of(["alpha-quartz", "a-SiO2-72-s1", "MgO", "CHA", "a-SiO2-72-s2"], ["MgO", "SrTiO3"]);
        Assert.Equal([0, 3], sets.Crystalline);
        Assert.Equal([1, 4], sets.Amorphous);
        Assert.Equal([2], sets.Oxides);
    }

    [Fact]
    public void BaselinesFittedOnOneSetPredictAnother()
    {
        var training = new Transfer.TrainingSet(new Matrix(4, 2, [0, 0, 0, 1, 5, 5, 5, 6]), new Matrix(4, 2, [1, 1, 1, 1, 1, 1, 1, 1]),
            new Matrix(4, 2, [1, 1, 1, 1, 3, 3, 3, 3]), ["a", "a", "b", "b"]);
        var predicted = Transfer.Baselines(training, new Matrix(1, 2, [5, 5.5f]), new Matrix(1, 2, [7, 8]), seed: 0).ToDictionary(b => b.Kind, b => b.Predicted);
        Assert.Equal([2f, 2f], predicted["mean"].Data);
        Assert.Equal([7f, 8f], predicted["input"].Data);
        Assert.All(predicted["knn"].Data, v => Assert.InRange(v, 2.5f, 3f)); // its neighbours are material b's
    }
}
