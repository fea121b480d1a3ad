namespace CoreHole.Tests.Architecture;

/// <summary>The library's layers, lowest first (docs/architecture.md draws them): each may use only those before it.</summary>
public class LayerTests
{
    public static readonly string[] Layers =
    [
        "CoreHole.Common",
        "CoreHole.Structures",
        "CoreHole.Spectra",
        "CoreHole.Formats",
        "CoreHole.Plotting",
        "CoreHole.Learning",
        "CoreHole.Models",
        "CoreHole.Simulation",
        "CoreHole.Simulation.Engines",
        "CoreHole.Amorphous",
        "CoreHole.Datasets",
        "CoreHole.Training",
        "CoreHole.Evaluation",
        "CoreHole.Cluster",
        "CoreHole.Paper",
        "CoreHole.Prediction",
        "CoreHole.Reports",
    ];

    static readonly System.Reflection.Assembly Library = typeof(InputError).Assembly;

    [Fact]
    public void NoTypeUsesALayerAboveItsOwn() => Assert.Empty(LayerRules.BackArrows(Library, Layers));

    [Fact]
    public void EveryNamespaceHasItsPlaceInTheOrder() => Assert.Empty(LayerRules.Unlayered(Library, Layers));

    [Fact]
    public void TheCheckerFindsABackArrow()
    {
        // Datasets below Learning: Dataset's inputs and targets are Learning's Matrix, so that order has a back-arrow.
        string[] wrong = ["CoreHole.Common", "CoreHole.Datasets", "CoreHole.Learning"];
        var arrows = LayerRules.BackArrows(Library, wrong);
        Assert.Contains(arrows, a => a.StartsWith("CoreHole.Datasets.Dataset ", StringComparison.Ordinal));
        Assert.DoesNotContain(arrows, a => a.StartsWith("CoreHole.Common.", StringComparison.Ordinal));
    }
}
