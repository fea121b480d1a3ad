using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>Expected numbers are the ones printed in the outputs themselves (or in qe-seed/MgO/provenance.json).</summary>
public class PwOutputReaderTests
{
    const string PilotScf = "qe-pilot/gs_primitive/scf.out";
    const string PilotNscf = "qe-pilot/gs_primitive/nscf.out";
    const string MgONscf = "qe-seed/MgO/gs/nscf.out";
    const string MgOCoreHole = "qe-seed/MgO/site_O1/scf.out";

    [Fact]
    public void GroundStateScfOfQuartz()
    {
        var pw = PwOutputReader.Read(TestData.Path(PilotScf));
        Assert.Equal("6.7MaX", pw.QeVersion);
        Assert.Equal(48.0, pw.ElectronCount);
        Assert.Equal(24, pw.Nbnd);
        Assert.Equal(13, pw.KPointCount);
        Assert.Equal(2.4357, pw.HighestOccupied);
        Assert.Null(pw.LowestUnoccupied);
        Assert.Null(pw.FermiEnergy);
        Assert.Equal(-226.19474399, pw.TotalEnergyRy);
        Assert.True(pw.Converged);
        Assert.Equal(10, pw.ScfIterations);
        Assert.True(pw.JobDone);
        Assert.Null(pw.ErrorText);
        Assert.Equal(16.70, pw.WallSeconds);
        Assert.Equal(0.0, pw.TotalCharge!.Value, 9);
        Assert.Equal(13, pw.Bands.Count);
        Assert.All(pw.Bands, k => Assert.Equal(24, k.Energies.Count));
        Assert.Equal(-16.9347, pw.Bands[0].Energies[0]);
        Assert.Equal(-0.4545, pw.Bands[2].K.Z, 4);     // printed glued: "k = 0.0000 0.0000-0.4545"
        // No empty bands: VBM is known but there is no CBM, so no band edges.
        Assert.Null(pw.BandEdges());
    }

    [Fact]
    public void StructureOfQuartzFromCelldmAndAlatPositions()
    {
        var crystal = PwOutputReader.Read(TestData.Path(PilotScf)).Structure!;
        Assert.Equal(9, crystal.Atoms.Count);
        Assert.Equal(9.284224 * PwOutputReader.BohrAngstrom, crystal.Lattice.A.Length, 4);   // a = 4.913 Å
        Assert.Equal(5.405, crystal.Lattice.C.Length, 3);
        Assert.Equal("Si", crystal.Atoms[0].Element);
        // Si 1 at (0.4697, 0, 0) crystal; O 4 at (0.4135, 0.2669, 0.1191) in the pilot input.
        Assert.Equal(0.4697, crystal.Atoms[0].Fractional.X, 5);
        Assert.Equal(0.4135, crystal.Atoms[3].Fractional.X, 4);
        Assert.Equal(0.2669, crystal.Atoms[3].Fractional.Y, 4);
        Assert.Equal(0.1191, crystal.Atoms[3].Fractional.Z, 4);
    }

    [Fact]
    public void NonScfBandEdgesOfQuartzComeFromAllKPoints()
    {
        var pw = PwOutputReader.Read(TestData.Path(PilotNscf));
        Assert.Equal(6.3208, pw.FermiEnergy);
        Assert.Null(pw.Converged);
        Assert.Equal(50, pw.Bands.Count);
        var edges = pw.BandEdges()!;
        // Max of band 24 / min of band 25 over the 50 printed k-points (checked by hand with a script); the denser
        // nscf grid finds a VBM above the scf's "highest occupied level" (2.4357). Pilot README: PBE gap ≈ 6 eV.
        Assert.Equal(2.4569, edges.Vbm, 4);
        Assert.Equal(8.5245, edges.Cbm, 4);
        Assert.Equal(6.0676, edges.Gap, 4);
        Assert.Equal("bands at 50 k-points", edges.Source);
    }

    [Fact]
    public void MgOGroundStateEdgesMatchProvenance()
    {
        var pw = PwOutputReader.Read(TestData.Path(MgONscf));
        Assert.Equal(84, pw.KPointCount);
        Assert.Equal(6.4068, pw.FermiEnergy);
        var edges = pw.BandEdges()!;
        // provenance.json: VBM 5.5651, CBM 10.3387, gap 4.7736 (min/max over the 84 nscf k-points).
        Assert.Equal(5.5651, edges.Vbm, 4);
        Assert.Equal(10.3387, edges.Cbm, 4);
        Assert.Equal(4.7736, edges.Gap, 4);
        Assert.Equal(7.9519, edges.MidGap, 4);
    }

    [Fact]
    public void CoreHoleScfHasLumoAndCharge()
    {
        var pw = PwOutputReader.Read(TestData.Path(MgOCoreHole));
        Assert.Equal(5.7893, pw.HighestOccupied);
        Assert.Equal(10.1452, pw.LowestUnoccupied);
        Assert.Equal(216.0, pw.ElectronCount);
        Assert.Equal(116, pw.Nbnd);
        Assert.Equal(1.0, pw.TotalCharge!.Value, 9);   // tot_charge=+1.0 in scf.in
        Assert.Equal(41.03, pw.WallSeconds);
        Assert.Equal(13, pw.ScfIterations);
        var absorber = pw.Structure!.Atoms[0];
        Assert.Equal(("O", "Oh"), (absorber.Element, absorber.Label));
        Assert.Equal(54, pw.Structure.Atoms.Count);
        Assert.Equal(new[] { "Oh", "Mg", "O" }, pw.Species.Select(s => s.Label));
        var edges = pw.BandEdges()!;
        Assert.Equal((5.7893, 10.1452), (edges.Vbm, edges.Cbm));
    }

    [Fact]
    public void SpinPolarisedRunReadsBothChannels()
    {
        var pw = PwOutputReader.Read(TestData.Path("qe-made-here/spin_scf.out"));
        Assert.Equal((4.0, 4.0), pw.SpinElectronCounts);
        Assert.Equal(8, pw.Bands.Count);   // 4 k-points x 2 spins
        Assert.Equal(4, pw.Bands.Count(k => k.Spin == SpinChannel.Down));
        Assert.Equal(10.3777, pw.Bands.First(k => k.Spin == SpinChannel.Down).Energies[4]);
        var edges = pw.BandEdges()!;
        Assert.Equal((5.6445, 10.3776), (edges.Vbm, edges.Cbm));   // = the printed highest occupied, lowest unoccupied
        Assert.Equal((5.6445, 10.3776), (pw.HighestOccupied, pw.LowestUnoccupied));
    }

    [Fact]
    public void ErrorBlockIsRead()
    {
        var pw = PwOutputReader.Read(TestData.Path("qe-made-here/error_scf.out"));
        Assert.False(pw.JobDone);
        Assert.Equal("Error in routine readpp (1):\nfile /usr/share/espresso/pseudo/Mg.missing.UPF not found", pw.ErrorText);
        Assert.Null(pw.ElectronCount);
        Assert.Null(pw.Structure);
    }

    [Fact]
    public void UnconvergedScfIsFlagged()
    {
        var pw = PwOutputReader.Read(TestData.Path("qe-pilot/corehole_2x2x2_1pj/scf.test.np1.out"));
        Assert.False(pw.Converged);
        Assert.Equal(2, pw.ScfIterations);
        Assert.True(pw.JobDone);
        Assert.Equal(44.70, pw.WallSeconds);
    }

    [Fact]
    public void RunThatStopsEarlyIsNotDone()
    {
        var path = TestData.Truncated(PilotScf, 200);
        var pw = PwOutputReader.Read(path);
        Assert.False(pw.JobDone);
        Assert.Empty(pw.Bands);
        Assert.Null(pw.HighestOccupied);
    }

    [Fact]
    public void TruncatedBandBlockNamesItsLine()
    {
        var path = TestData.Truncated(PilotScf, 234);   // k-point 1: 16 of 24 energies
        TestData.AssertInputError(() => PwOutputReader.Read(path), path, 234, "16 of 24 band energies");
    }

    [Theory]
    [InlineData("-16.9347", "NaN", "'NaN' is not a number")]
    [InlineData("-16.9347", " Infinity", "'Infinity' is not a number")]
    [InlineData("-16.9347", "*********", "overflowed")]
    public void CorruptBandEnergyNamesItsLine(string real, string corrupt, string phrase)
    {
        var path = TestData.WithReplaced(PilotScf, real, corrupt);
        TestData.AssertInputError(() => PwOutputReader.Read(path), path, 233, phrase);
    }

    [Fact]
    public void MalformedPositionNamesItsLine()
    {
        var path = TestData.WithReplaced(MgOCoreHole, "tau(   2) = (   0.0000000", "tau(   2) = (   zero");
        TestData.AssertInputError(() => PwOutputReader.Read(path), path, 120, "atomic position");
    }

    [Fact]
    public void EmptyFileIsAnError()
    {
        var path = TestData.Write("scf.out", "\n  \n");
        TestData.AssertInputError(() => PwOutputReader.Read(path), path, null, "empty file");
    }

    [Fact]
    public void OtherFileIsNotMistakenForPwOutput()
    {
        var path = TestData.Path("qe-seed/MgO/site_O1/xanes_x.dat");
        TestData.AssertInputError(() => PwOutputReader.Read(path), path, 1, "not pw.x output");
    }

    [Fact]
    public void MissingFileIsAnError()
    {
        var path = Path.Combine(Path.GetTempPath(), "corehole-no-such-file.out");
        TestData.AssertInputError(() => PwOutputReader.Read(path), path, null, "no such file");
    }
}
