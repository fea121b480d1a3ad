using CoreHole.Simulation;
using CoreHole.Simulation.Engines.QuantumEspresso;

namespace CoreHole.Tests.Simulation;

public class QeInputTests
{
    [Fact]
    public void NamelistValuesAreWrittenAsFortranReadsThem()
    {
        var text = new QeInput()
            .Namelist("system", ("ecutwfc", 40.0), ("nat", 72), ("tot_charge", 1.0), ("occupations", "fixed"))
            .Namelist("electrons", ("conv_thr", 1e-7), ("mixing_beta", 0.4))
            .Namelist("input_xspectra", ("xcoordcrys", false), ("xepsilon(1)", 1.0))
            .Card("K_POINTS automatic\n1 1 1 0 0 0")
            .ToString();
        Assert.Contains("    ecutwfc = 40.0,\n", text);
        Assert.Contains("    nat = 72,\n", text);
        Assert.Contains("    occupations = 'fixed',\n", text);
        Assert.Contains("    conv_thr = 1.0d-7,\n", text);
        Assert.Contains("    mixing_beta = 0.4,\n", text);
        Assert.Contains("    xcoordcrys = .false.,\n", text);
        Assert.Contains("    xepsilon(1) = 1.0,\n", text);
        Assert.EndsWith(" /\nK_POINTS automatic\n1 1 1 0 0 0\n", text);
        Assert.StartsWith(" &system\n", text);
    }

    [Theory]
    // Empty bands below CBM + 20 eV at the worst k-point of the campaign's nscf runs (data/campaign/*/gs/nscf.out.gz).
    [InlineData("alpha-quartz", 113.0, 37)]
    [InlineData("alpha-cristobalite", 171.1, 55)]
    [InlineData("SOD", 360.3, 105)]
    [InlineData("SrTiO3", 59.5, 21)]
    public void EmptyBandEstimateReachesTwentyEVWithoutDoublingTheBands(string material, double volume, int needed)
    {
        var bands = BandCount.EmptyToReach(volume, 20);
        Assert.True(bands >= needed && bands <= 1.5 * needed, $"{material}: {bands} empty bands estimated, {needed} needed");
    }

    [Fact]
    public void KPointMeshFollowsTheLengthRule()
    {
        var lattice = CoreHole.Structures.Lattice.FromParameters(4.913, 4.913, 5.405, 90, 90, 120);
        Assert.Equal("K_POINTS automatic\n5 5 4 0 0 0\n", StageContext.KPoints(lattice, 20));
    }
}
