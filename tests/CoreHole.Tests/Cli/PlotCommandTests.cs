using System.CommandLine;
using CoreHole.Cli.Commands;
using CoreHole.Formats;
using CoreHole.Spectra;
using CoreHole.Tests.Formats;

namespace CoreHole.Tests.Cli;

public class PlotCommandTests
{
    static readonly SpectrumFile MgOSpectrum = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat"));

    static PlotCommand.Options Options(double sigma = 0, bool align = false, double? threshold = null, string[]? curves = null, bool all = false, string normalize = "none") =>
        new(sigma, align || threshold is not null, threshold, curves ?? [], all, Normalization.Parse(normalize));

    [Fact]
    public void MainCurveByDefaultNamedCurvesOnRequest()
    {
        Assert.Equal("xanes_avg.dat: avg", PlotCommand.Series([MgOSpectrum], Options()).Single().Label);
        Assert.Equal(["xanes_avg.dat: x", "xanes_avg.dat: z"], PlotCommand.Series([MgOSpectrum], Options(curves: ["x", "z"])).Select(s => s.Label));
        Assert.Equal(4, PlotCommand.Series([MgOSpectrum], Options(all: true)).Count);
        Assert.Contains("no file has a curve named 'q'", Assert.Throws<InputError>(() => PlotCommand.Series([MgOSpectrum], Options(curves: ["q"]))).Message);
    }

    [Fact]
    public void AlignsAtTheGivenThresholdAndSaysSo()
    {
        // The printed LUMO - HOMO of the MgO core-hole run (4.3559 eV) is the threshold on xanes.dat's scale.
        var series = PlotCommand.Series([MgOSpectrum], Options(sigma: 0.5, threshold: 4.3559, normalize: "max")).Single();
        Assert.Equal("xanes_avg.dat: avg (σ 0.5 eV, aligned at 4.356 eV)", series.Label);
        Assert.Equal(-10 - 4.3559, series.Curve.FirstEnergy, 9);
        Assert.Equal(1.0, series.Curve.Maximum.Intensity, 12);
        // Alone in a folder (no core-hole output beside it to give the printed threshold), it aligns at its onset.
        var alone = SpectrumFiles.Read(TestData.Write("xanes_avg.dat", File.ReadAllText(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat"))));
        var fallback = PlotCommand.Series([alone], Options(align: true)).Single();
        Assert.EndsWith("(aligned at onset (fallback))", fallback.Label);
    }

    [Fact]
    public void FilesWithoutCurvesOrThresholdsAreInputErrors()
    {
        var pw = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/site_O1/scf.out"));
        Assert.Contains("has no curves to plot", Assert.Throws<InputError>(() => PlotCommand.Series([pw], Options())).Message);
        var pdos = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/gs/pdos/atm2_O_p.pdos"));
        Assert.Contains("pass --threshold", Assert.Throws<InputError>(() => PlotCommand.Series([pdos], Options(align: true))).Message);
        Assert.Throws<InputError>(() => PlotCommand.Series([pdos], Options(sigma: -1)));
    }

    [Theory]
    [InlineData("plot.png")]
    [InlineData("plot.svg")]
    public void WritesThePlot(string name)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("corehole-plot-").FullName, name);
        var root = new RootCommand { PlotCommand.Create() };
        var code = root.Parse(["plot", TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat"), TestData.Path("qe-pilot/corehole_2x2x2_2pj/xanes_k111_avg.dat"),
            "-o", output, "--sigma", "0.5", "--align"]).Invoke();
        Assert.Equal(0, code);
        var bytes = File.ReadAllBytes(output);
        if (name.EndsWith(".png")) Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        else Assert.Contains("xanes_k111_avg.dat: avg", File.ReadAllText(output));
        Assert.True(bytes.Length > 10_000);
    }

    [Fact]
    public void UnknownImageTypeIsAnInputError()
    {
        var root = new RootCommand { PlotCommand.Create() };
        var output = Path.Combine(Path.GetTempPath(), "corehole-plot.gif");
        Assert.Throws<InputError>(() => root.Parse(["plot", TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat"), "-o", output]).Invoke(
            new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
    }
}
