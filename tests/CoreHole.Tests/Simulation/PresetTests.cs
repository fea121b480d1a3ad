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
        Assert.Equal(1000, Preset.Fast.With("xspectra_iterations=1000").XspectraIterations);
        Assert.Equal(1e-8, Preset.Fast.With("nscf_convergence=1e-8").NscfConvergence);
        Assert.Equal(1e-5, Preset.Fast.With("core_hole_convergence=1e-5").CoreHoleConvergence);
    }

    [Fact]
    public void FoldersMadeBeforeAFieldExistedReadWithTheRecipeTheyRan()
    {
        // data/campaign/campaign.json as first written: no gamma_cell_width, xspectra_iterations or nscf_convergence;
        // its stages ran xspectra with 1000 Lanczos steps, their nscf at the scf's 1e-8 and the core-hole scf at 1e-7, and the cut-off for Γ
        // ground states was 10 Å when it was added.
        const string Old = """{"name": "fast", "ecut_wfc": 40, "ecut_rho": 320, "scf_k_length": 20, "nscf_k_length": 24, "core_hole_k_grid": 1, "supercell_width": 8, "pdos_reach": 20, "xspectra_gamma": 0.1, "scf_convergence": 1E-08, "core_hole_convergence": 1E-07}""";
        var preset = System.Text.Json.JsonSerializer.Deserialize<Preset>(Old, PlanFile.Options)!;
        Assert.Equal(1000, preset.XspectraIterations);
        Assert.Equal(10, preset.GammaCellWidth);
        Assert.Equal(1e-8, preset.NscfConvergence);
        Assert.NotEqual(Preset.Fast, preset);
        Assert.Equal(Preset.Fast, preset with { XspectraIterations = 300, NscfConvergence = 1e-6, CoreHoleConvergence = 1e-5 });
    }

    [Fact]
    public void ConvergedRaisesTheSupercellAndCoreHoleKMeshAndKeepsTheRest()
    {
        var converged = Preset.Named("converged");
        Assert.Equal((10.0, 2), (converged.SupercellWidth, converged.CoreHoleKGrid));
        Assert.Equal(Preset.Fast, converged with { Name = "fast", SupercellWidth = Preset.Fast.SupercellWidth, CoreHoleKGrid = 1 });
        Assert.Contains("converged", Assert.Throws<InputError>(() => Preset.Named("exact")).Message);
    }

    [Fact]
    public void NewCampaignsGetFastSettingsInSupercellsTenAngstromsWide()
    {
        // The label-width study's rule: only the supercell width differs from the recipe data/campaign ran.
        Assert.Equal(Preset.Wide, Preset.Default);
        Assert.Equal(Preset.Wide, Preset.Named("wide"));
        Assert.Equal(10.0, Preset.Default.SupercellWidth);
        Assert.Equal(Preset.Fast, Preset.Default with { Name = "fast", SupercellWidth = 8.0 });
        var folder = Path.Combine(Directory.CreateTempSubdirectory("corehole-preset-").FullName, "campaign");
        Assert.Equal(Preset.Wide, Campaign.Preview(folder, null).Preset);
    }

    [Theory]
    [InlineData("ecut=60", "key one of")]
    [InlineData("ecutwfc", "key one of")]
    [InlineData("ecutwfc=abc", "not a positive number")]
    [InlineData("supercell_width=-8", "not a positive number")]
    [InlineData("core_hole_k_grid=1.5", "whole number")]
    [InlineData("xspectra_iterations=2.5", "whole number")]
    public void BadChangesAreOneLineErrors(string changes, string problem) =>
        Assert.Contains(problem, Assert.Throws<InputError>(() => Preset.Fast.With(changes)).Message);
}
