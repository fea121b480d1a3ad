using System.Text.RegularExpressions;
using CoreHole.Evaluation;
using CoreHole.Tests.Simulation;

namespace CoreHole.IntegrationTests.QuantumEspresso;

/// <summary>
/// `corehole simulate --order uncertainty` run for real on two small materials at the smoke preset (bands to CBM + 16 eV,
/// so that the shipped model's conduction window has its PDOS): every ground state first, then the sites.
/// </summary>
public partial class SimulateUncertaintyOrderTests
{
    static string Structure(string name) => Path.Combine(AppContext.BaseDirectory, "data", "structures", name);

    [Fact]
    public void GroundStatesRunFirstThenTheSitesTheModelRanks()
    {
        CliProcess.RequireQuantumEspresso();
        var output = Directory.CreateTempSubdirectory("corehole-uncertainty-").FullName;
        var (code, log) = CliProcess.Run(TimeSpan.FromMinutes(10), "simulate", Structure("MgO-p1.cif"), Structure("stishovite-p1.cif"), "-o", output,
            "--preset", "smoke", "--set", "pdos_reach=16", "--np", "1", "--order", "uncertainty", "--model", ShippedModel.Find());
        Assert.True(code == 0, log);
        var started = Started().Matches(log).Select(m => m.Groups["job"].Value).ToList();
        // The cheapest-first order would run MgO's site right after its ground state, before stishovite's ground state.
        Assert.Equal(["MgO-p1/gs", "stishovite-p1/gs"], started.Take(2));
        Assert.Equal(["MgO-p1/site_O2", "stishovite-p1/site_O3"], started.Skip(2).Order(StringComparer.Ordinal));
        Assert.Contains("4 jobs done now, 0 failed, 0 still to do", log);
    }

    [GeneratedRegex(@"\] start (?<job>\S+) ")] private static partial Regex Started();
}
