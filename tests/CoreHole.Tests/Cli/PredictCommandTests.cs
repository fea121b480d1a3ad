using CoreHole.Tests.Formats;
using CoreHole.Tests.Simulation;

namespace CoreHole.Tests.Cli;

/// <summary>The mistakes of a new user, through the real CLI: each one line naming the file, exit code 2, before any DFT runs.</summary>
public class PredictCommandTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    static readonly Lazy<string> TinyModel = new(() => Prediction.StructurePredictionTests.SmallModel().Model.Path);

    static (int Code, string Output) Predict(params string[] arguments) =>
        CliProcess.Run(Limit, ["predict", .. arguments, "-o", Directory.CreateTempSubdirectory("corehole-predict-cli-").FullName]);

    [Fact]
    public void AMissingModelIsOneLine()
    {
        var (code, output) = Predict(TestData.Path("layouts/MgO.poscar"), "--model", "/nonexistent/model.chmodel");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/model.chmodel: no such model file", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void APoscarIsTakenAsAStructureWhoseDomainIsCheckedBeforeAnyDft()
    {
        var (code, output) = Predict(TestData.Path("layouts/MgO.poscar"), "--model", TinyModel.Value, "--domain", "/nonexistent/data.h5");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/data.h5: no such dataset", output);
    }

    [Fact]
    public void ATotalDosGivenAsTheOxygenPdosIsRefused()
    {
        var (code, output) = Predict(TestData.Path("qe-pilot/gs_primitive/pdos/pdos_tot.dat"), "--model", TinyModel.Value, "--cbm", "8", "--vbm", "2");
        Assert.Equal(2, code);
        Assert.Contains("pdos_tot.dat: is a total DOS (qe-pdos-tot), not an O-p PDOS", output);
    }

    [Fact]
    public void ACoreHoleRunGivenAsTheGroundStateIsRefused()
    {
        var (code, output) = Predict(TestData.Path("qe-seed/MgO/gs/pdos/atm2_O_p.pdos"), "--model", TinyModel.Value,
            "--ground-state", TestData.Path("qe-seed/MgO/site_O1/scf.out"));
        Assert.Equal(2, code);
        Assert.Contains("site_O1/scf.out: species Oh is O with valence 7", output);
    }
}
