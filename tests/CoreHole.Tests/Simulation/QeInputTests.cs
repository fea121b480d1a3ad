using CoreHole.Simulation;

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

    [Fact]
    public void EmptyBandEstimateCoversThePilotsShortfall()
    {
        // alpha-quartz (113 Å^3): 24 empty bands reached only 12 eV above the CBM in the pilot; 20 eV needs far more.
        var bands = GroundStateStage.EmptyBandsEstimate(113.0, 20);
        Assert.InRange(bands, 50, 90);
    }

    [Fact]
    public void KPointMeshFollowsTheLengthRule()
    {
        var lattice = CoreHole.Structures.Lattice.FromParameters(4.913, 4.913, 5.405, 90, 90, 120);
        Assert.Equal("K_POINTS automatic\n5 5 4 0 0 0\n", StageContext.KPoints(lattice, 20));
    }
}
