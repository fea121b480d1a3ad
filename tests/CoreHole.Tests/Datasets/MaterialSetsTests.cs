using CoreHole.Datasets;

namespace CoreHole.Tests.Datasets;

public class MaterialSetsTests
{
    [Theory]
    [InlineData(new[] { "Si", "O", "O", "Si", "O", "O" }, "SiO2")]
    [InlineData(new[] { "O", "Al", "Al", "Si", "O", "O", "O", "O" }, "Al2SiO5")]
    [InlineData(new[] { "K", "Al", "Si", "O", "O", "O", "O", "K", "Al", "Si", "O", "O", "O", "O" }, "AlKSiO4")]
    [InlineData(new[] { "Sr", "Ti", "O", "O", "O" }, "SrTiO3")]
    [InlineData(new[] { "Mg", "Mg", "O", "O" }, "MgO")]
    public void FormulasAreReducedWithOxygenLast(string[] elements, string formula) =>
        Assert.Equal(formula, MaterialSets.Formula(elements));

    [Fact]
    public void AnEmptyCellHasNoFormula() => Assert.Throws<InputError>(() => MaterialSets.Formula([]));
}
