using CoreHole.Formats;
using CoreHole.Prediction;
using CoreHole.Tests.Formats;

namespace CoreHole.Tests.Prediction;

/// <summary>The two silent mistakes, made with real files: a total DOS for an O-p PDOS, a core-hole run for the ground state.</summary>
public class InputChecksTests
{
    [Theory]
    [InlineData("qe-pilot/gs_primitive/pdos/pdos_tot.dat", "qe-pdos-tot")]   // projwfc's pdos_tot
    [InlineData("qe-made-here/mgo.dos", "qe-dos")]                        // dos.x
    [InlineData("layouts/SiO2.adaptive.dat", "optados-dos")]              // OptaDOS total DOS
    public void ATotalDosFileIsRefused(string file, string format)
    {
        var path = TestData.Path(file);
        var e = Assert.Throws<InputError>(() => InputChecks.OxygenP(path));
        Assert.Equal(path, e.File);
        Assert.Contains($"is a total DOS ({format}), not an O-p PDOS", e.Problem);
    }

    [Fact]
    public void ADoscarsTotalColumnIsRefusedAndItsProjectionsAreNot()
    {
        var path = TestData.Path("fixtures/DOSCAR.ispin1_lorbit11");
        Assert.Contains("curve 'total' is the total DOS", Assert.Throws<InputError>(() => InputChecks.OxygenP(path)).Problem);
        Assert.Contains("curve 'total' is the total DOS", Assert.Throws<InputError>(() => InputChecks.OxygenP(TestData.Path("fixtures/DOSCAR.total_only"))).Problem);
        var projected = SpectrumFiles.Read(path).Curves.First(c => c.Name.EndsWith(" px", StringComparison.Ordinal));
        Assert.Equal(projected.Curve.Intensities.ToArray(), InputChecks.OxygenP(path, projected.Name).Intensities.ToArray());
    }

    [Fact]
    public void AProjwfcOxygenPPdosIsTakenWhole()
    {
        var path = TestData.Path("qe-seed/MgO/gs/pdos/atm2_O_p.pdos");
        Assert.Equal(SpectrumFiles.Read(path).CurveNamed("ldos").Intensities.ToArray(), InputChecks.OxygenP(path).Intensities.ToArray());
    }

    [Fact]
    public void TheDosXFileReadsAsATotalDos()
    {
        var file = SpectrumFiles.Read(TestData.Path("qe-made-here/mgo.dos"));
        Assert.Equal("qe-dos", file.Format);
        Assert.Equal(["dos", "int dos"], file.Curves.Select(c => c.Name));
        Assert.Equal(5.555, file.Fermi);
    }

    [Fact]
    public void ACoreHoleRunIsRefusedAsTheGroundState()
    {
        // The campaign's core-hole scf: an O_1s1 pseudopotential (Zval 7) and one electron removed.
        var path = TestData.Path("qe-seed/MgO/site_O1/scf.out");
        var e = Assert.Throws<InputError>(() => InputChecks.GroundState(PwOutputReader.Read(path)));
        Assert.Equal(path, e.File);
        Assert.Contains("a core-hole calculation, not the", e.Problem);
    }

    [Fact]
    public void AChargedRunIsRefusedEvenWithGroundStatePseudopotentials()
    {
        var path = TestData.Path("qe-made-here/charged_scf.out");
        Assert.Contains("is a charged run (tot_charge +2)", Assert.Throws<InputError>(() => InputChecks.GroundState(PwOutputReader.Read(path))).Problem);
    }

    [Fact]
    public void ANeutralGroundStateIsAccepted()
    {
        foreach (var file in new[] { "qe-seed/MgO/gs/scf.out", "qe-seed/MgO/gs/nscf.out", "qe-pilot/gs_primitive/nscf.out" })
            InputChecks.GroundState(PwOutputReader.Read(TestData.Path(file)));
    }

    [Fact]
    public void AGroundStateFolderHoldingACoreHoleRunIsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-gs-").FullName;
        File.Copy(TestData.Path("qe-seed/MgO/site_O1/scf.out"), Path.Combine(folder, "scf.out"));
        File.Copy(TestData.Path("qe-seed/MgO/gs/pdos/atm2_O_p.pdos"), Path.Combine(folder, "atm2_O_p.pdos"));
        Assert.Contains("core-hole calculation", Assert.Throws<InputError>(() => GroundState.FromQeRun(folder)).Problem);
    }

    [Fact]
    public void AGroundStateFolderWithoutItsOxygenPdosSaysWhatIsMissing()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-gs-").FullName;
        File.Copy(TestData.Path("qe-seed/MgO/gs/nscf.out"), Path.Combine(folder, "nscf.out"));
        File.Copy(TestData.Path("qe-seed/MgO/gs/pdos/pdos_tot.dat"), Path.Combine(folder, "pdos_tot.dat"));
        Assert.Contains("no O-p PDOS of atom 2", Assert.Throws<InputError>(() => GroundState.FromQeRun(folder)).Problem);
    }
}
