using CoreHole.Tests.Formats;
using CoreHole.Tests.Simulation;

namespace CoreHole.Tests.Cli;

/// <summary>`corehole compare` through the real CLI: broadening, energy zeros and the MSE at mean 1.</summary>
public class CompareCommandTests
{
    static readonly string Pilot = TestData.Path("qe-pilot/corehole_2x2x2_2pj/xanes_k111_x.dat");

    static string[] Row(params string[] options)
    {
        var (code, output) = CliProcess.Run(TimeSpan.FromMinutes(1), ["compare", Pilot, Pilot, .. options]);
        Assert.True(code == 0, output);
        // Redirected output is a plain table: header, dashes, then the row of numbers.
        var row = output.Split('\n').Single(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^-?[0-9]"));
        return row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void ASpectrumAgainstItselfIsIdentical() =>
        Assert.Equal(["1.0000", "0.00", "0.0000"], Row("--sigma", "0.5").Where((_, i) => i is 0 or 3 or 4));

    [Fact]
    public void EnergyZerosShiftEachCurveBeforeTheWindow()
    {
        // B's zero 0.5 eV higher puts its every feature 0.5 eV lower than A's: the main peak moves by -0.50 eV.
        var row = Row("--sigma", "0.5", "--zero-a", "0", "--zero-b", "0.5", "--from", "0", "--to", "15");
        Assert.Equal("-0.50", row[3]);
        Assert.True(double.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture) > 0.001, $"MSE {row[4]}");
    }

    [Fact]
    public void ANegativeSigmaIsAOneLineError()
    {
        var (code, output) = CliProcess.Run(TimeSpan.FromMinutes(1), "compare", Pilot, Pilot, "--sigma", "-1");
        Assert.Equal(2, code);
        Assert.Contains("--sigma must be 0 or positive", output);
        Assert.DoesNotContain("   at ", output);
    }
}
