using CoreHole.Simulation;

namespace CoreHole.Tests.Simulation;

public class PresetTests
{
    [Fact]
    public void SettingsChangedOneByOneNameTheVariant()
    {
        var variant = Preset.Fast.With("ecutwfc=60, ecutrho=480");
        Assert.Equal("fast+ecutwfc=60+ecutrho=480", variant.Name);
        Assert.Equal((60.0, 480.0), (variant.EcutWfc, variant.EcutRho));
        Assert.Equal(Preset.Fast with { Name = variant.Name, EcutWfc = 60, EcutRho = 480 }, variant);
        Assert.Equal(2, Preset.Fast.With("core_hole_k_grid=2").CoreHoleKGrid);
        Assert.Equal(12, Preset.Fast.With("supercell_width=12").SupercellWidth);
    }

    [Theory]
    [InlineData("ecut=60", "key one of")]
    [InlineData("ecutwfc", "key one of")]
    [InlineData("ecutwfc=abc", "not a positive number")]
    [InlineData("supercell_width=-8", "not a positive number")]
    [InlineData("core_hole_k_grid=1.5", "whole number")]
    public void BadChangesAreOneLineErrors(string changes, string problem) =>
        Assert.Contains(problem, Assert.Throws<InputError>(() => Preset.Fast.With(changes)).Message);
}
