using CoreHole.Amorphous;
using CoreHole.Structures;

namespace CoreHole.Tests.Amorphous;

/// <summary>What CoreHole hands LAMMPS: the protocol's numbers, the script, the random start and the data files.</summary>
public class MeltQuenchInputTests
{
    static readonly MeltQuenchProtocol Default = new();

    [Fact]
    public void DefaultProtocolIsTheIssuesCellAndTheStatedQuench()
    {
        Assert.Equal(72, Default.Atoms);
        Assert.Equal(10.29, Default.BoxLength, 2);                 // 24 SiO2 at 2.20 g/cm3
        Assert.Equal(1_000_000, Default.MeltSteps);                 // 1 ns at 1 fs
        Assert.Equal(4700, Default.QuenchPicoseconds, 6);           // 4700 K at 1e12 K/s
        Assert.Equal(4_700_000, Default.QuenchSteps);
        Assert.Equal(5_720_000, Default.TotalSteps);
    }

    [Fact]
    public void ScriptMeltsQuenchesAnnealsAndRelaxesAtFixedVolume()
    {
        var script = MeltQuenchScript.Write(Default, SilicaPotential.Vashishta1994, 7, "a-SiO2-72-s7");
        Assert.Contains("read_data start.data\n", script);
        Assert.Contains("pair_style vashishta\npair_coeff * * SiO.1994.vashishta Si O\n", script);
        Assert.Contains("velocity all create 5000 7 dist gaussian mom yes rot no\n", script);
        Assert.Contains("timestep 0.001\n", script);
        var stages = script.Split('\n').Where(l => l.StartsWith("fix bath") || l.StartsWith("run")).ToArray();
        Assert.Equal([
            "fix bath all nvt temp 5000 5000 0.1", "run 1000000",
            "fix bath all nvt temp 5000 300 0.1", "run 4700000",
            "fix bath all nvt temp 300 300 0.1", "run 20000"], stages);
        Assert.DoesNotContain("npt", script);
        Assert.Contains($"fix progress all print 1000 \"{LammpsRunner.StepMarker} $(step)\"", script);
        Assert.EndsWith($"print \"{MeltQuenchScript.FinalMarker} pressure_bar $(press) energy_ev_per_atom $(pe/atoms)\"\nwrite_data final.data\n", script);
    }

    [Fact]
    public void RandomStartIsFixedBySeedSpreadOutAndAtTheDensity()
    {
        var start = RandomStart.Silica(Default, 3, "start");
        Assert.Equal(24, start.IndicesOf("Si").Count());
        Assert.Equal(48, start.IndicesOf("O").Count());
        Assert.Equal(2.20, StructureAnalysis.Density(start), 6);
        var closest = Neighbors.Within(start, 3.0).Min(n => n.Distance);
        Assert.True(closest >= MeltQuenchProtocol.StartMinimumDistance, $"closest pair {closest} Å");
        Assert.Equal(start.Atoms, RandomStart.Silica(Default, 3, "start").Atoms);
        Assert.NotEqual(start.Atoms[0].Fractional, RandomStart.Silica(Default, 4, "start").Atoms[0].Fractional);
    }

    [Fact]
    public void RandomStartTooDenseIsAOneLineError()
    {
        var error = Assert.Throws<InputError>(() => RandomStart.Silica(Default with { Density = 8.0 }, 1, "dense"));
        Assert.Contains("too high for a random start", error.Message);
    }

    [Fact]
    public void DataFileRoundTripsACell()
    {
        var start = RandomStart.Silica(Default with { FormulaUnits = 4 }, 1, "small");
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-lammps-").FullName, "start.data");
        File.WriteAllText(path, LammpsData.ToText(start, MeltQuenchScript.Types));
        var back = LammpsData.Read(path, MeltQuenchScript.Types, "small");
        Assert.Equal(start.Lattice, back.Lattice);
        Assert.Equal(start.Atoms.Select(a => (a.Element, a.Label)), back.Atoms.Select(a => (a.Element, a.Label)));
        for (var i = 0; i < start.Atoms.Count; i++)
            Assert.True((start.Atoms[i].Fractional - back.Atoms[i].Fractional).Length < 1e-12, $"atom {i}");
    }

    [Fact]
    public void DataFileWithAnUnknownTypeIsAnErrorAtItsLine()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-lammps-").FullName, "bad.data");
        File.WriteAllText(path, "title\n\n1 atoms\n3 atom types\n\n0 5 xlo xhi\n0 5 ylo yhi\n0 5 zlo zhi\n\nAtoms # atomic\n\n1 3 0 0 0\n");
        var error = Assert.Throws<InputError>(() => LammpsData.Read(path, MeltQuenchScript.Types, "bad"));
        Assert.Equal(12, error.Line);
        Assert.Contains("atom type 3", error.Message);
    }

    [Theory]
    [InlineData(0, 2.2, 1e12, "at least one SiO2 unit")]
    [InlineData(24, 2.2, -1, "quench rate")]
    [InlineData(24, 9.0, 1e12, "density 9")]
    public void ImpossibleProtocolIsRefused(int units, double density, double rate, string problem)
    {
        var error = Assert.Throws<InputError>(() => (Default with { FormulaUnits = units, Density = density, QuenchRate = rate }).Validate());
        Assert.Contains(problem, error.Message);
    }
}
