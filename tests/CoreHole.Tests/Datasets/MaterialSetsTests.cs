using CoreHole.Datasets;
using CoreHole.Simulation;

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

    [Fact]
    public void MaterialsAreSortedByNameAmorphousFolderAndElements()
    {
        var structures = Path.Combine(AppContext.BaseDirectory, "data", "structures");
        var campaign = Campaign.Open(Directory.CreateTempSubdirectory("corehole-sets-").FullName, Preset.Smoke);
        var (magnesia, stishovite) = (campaign.Add(Path.Combine(structures, "MgO-p1.cif")), campaign.Add(Path.Combine(structures, "stishovite-p1.cif")));
        var noCells = Directory.CreateTempSubdirectory("corehole-no-cells-").FullName;
        var cells = Directory.CreateTempSubdirectory("corehole-cells-").FullName;
        File.WriteAllText(Path.Combine(cells, "stishovite-p1.cif"), ""); // a namesake in the amorphous folder

        Assert.Equal(MaterialSets.Oxides, MaterialSets.Of(magnesia, noCells));
        Assert.Equal(MaterialSets.Transfer, MaterialSets.Of(magnesia with { Name = "MgO" }, noCells));
        Assert.Equal(MaterialSets.Crystalline, MaterialSets.Of(stishovite, noCells));
        Assert.Equal(MaterialSets.Amorphous, MaterialSets.Of(stishovite, cells));
        Assert.Equal("SiO2", MaterialSets.Formula(stishovite.Primitive));
    }
}
