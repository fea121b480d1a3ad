using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>
/// Layouts of real files that CoreHole read wrong or refused, each built from a file following the program's own
/// source or a public example (cited per test and in data/README.md, section "layouts/").
/// </summary>
public class RealLayoutTests
{
    [Fact]
    public void FeffTenPrintsTheUnitGluedToMu()
    {
        // FEFF 9.7+ writes its header line with format 200 of src/COMMON/head.f90 (times-software/feff10):
        // 'Mu=',1pe10.3,'eV kf=',1pe9.3,' Vint=',1pe10.3,'eV Rs_int=',0pf6.3.
        var path = TestData.WithReplaced("fixtures/xmu.dat", "# Mu=-1.143E+01 kf=2.094E+00 Vint=-1.870E+01 Rs_int= 1.732",
            "# Mu=-1.143E+01eV kf= 2.094E+00 Vint=-1.870E+01eV Rs_int= 1.732");
        var file = SpectrumFiles.Read(path);
        Assert.Equal("-11.43 eV", file.Facts.Single(f => f.Name == "Mu (FEFF Fermi level)").Value);
    }

    [Theory]
    [InlineData("qe-seed/MgO/site_O1/scf.out", "Program PWSCF v.6.7MaX starts", "Program PWSCF v.6.1 (svn rev. 13369) starts")]
    [InlineData("qe-seed/MgO/site_O1/xspectra_x.out", "Program XSpectra v.6.7MaX starts", "Program XSpectra v.6.1 (svn rev. 13369) starts")]
    public void SvnBuildsBannerIsRead(string relative, string banner, string svn)
    {
        // The svn-era banner as QE 6.1 printed it (quoted in CitrineInformatics/dftparse, dftparse/pwscf/stdout_parser.py).
        var plain = SpectrumFiles.Read(TestData.Path(relative));
        var file = SpectrumFiles.Read(TestData.WithReplaced(relative, banner, svn));
        Assert.Equal("6.1 (svn rev. 13369)", file.Facts.Single(f => f.Name == "QE version").Value);
        Assert.Equal(plain.Threshold, file.Threshold);
        Assert.Equal((plain.Homo, plain.Lumo), (file.Homo, file.Lumo));
    }

    [Fact]
    public void MetallicVasprunIsAMetalWithItsThresholdAtTheFermiLevel()
    {
        // ISMEAR -5 on a metal: a band crosses the Fermi level (1 eV), occupied at one k-point, partly at the other.
        var path = TestData.Edited("fixtures/vasprun.xml", text => text
            .Replace("<r>    -0.2000   1.0000 </r>", "<r>     0.9000   0.8000 </r>")
            .Replace("<r>    -0.3500   1.0000 </r>", "<r>     0.7000   0.3000 </r>"));
        var file = SpectrumFiles.Read(path);
        Assert.Null(file.Edges);   // no negative "gap", no CBM below the Fermi level
        Assert.Equal(1.0, file.Threshold!.EnergyEv);
        Assert.StartsWith("metal", file.Threshold.Source);
        Assert.Contains(file.Facts, f => f.Name == "metal");
        // The insulating fixture keeps its gap.
        Assert.Equal(4.3, SpectrumFiles.Read(TestData.Path("fixtures/vasprun.xml")).Edges!.Gap, 12);
    }

    const string SmearedQe72 = "layouts/SrVO3_smeared_qe72.out";

    [Fact]
    public void SmearedQe7RunKeepsItsAtomsAndIsAMetal()
    {
        // SrVO3, Gaussian smearing, 41 electrons (layout of the QE 7.2 output in pyprocar's tests/pyprocar/io/qe/test_pw_out.py).
        var file = SpectrumFiles.Read(TestData.Path(SmearedQe72));
        Assert.Equal("5 atoms", file.Sites);
        Assert.Equal(12.5491, file.Threshold!.EnergyEv);
        Assert.StartsWith("metal", file.Threshold.Source);
        Assert.Null(file.Edges);
    }

    [Fact]
    public void SmearedRunWithoutBandsSaysWhyItHasNoThresholdRatherThanNoEmptyBands()
    {
        // An even electron count (and a charge of -1, so not a core-hole run): smeared, but not known to be a metal.
        var file = SpectrumFiles.Read(TestData.WithReplaced(SmearedQe72, "number of electrons       =        41.00", "number of electrons       =        42.00"));
        Assert.Null(file.Threshold);
        Assert.Contains("prints the Fermi level, not HOMO/LUMO", file.NoThresholdReason);
        Assert.DoesNotContain("no empty bands", file.NoThresholdReason);
    }

    [Fact]
    public void AtomCountComesFromTheHeaderOrTheTableInEitherUnit()
    {
        // Older pw.x prints "(a_0 units)" where QE 6+ prints "(alat units)"; the count survives either way.
        var aZero = TestData.Edited(SmearedQe72, t => t.Replace("positions (alat units)", "positions (a_0 units)")
            .Replace("     number of atoms/cell      =            5\n", ""));
        var run = PwOutputReader.Read(aZero);
        Assert.Equal(5, run.AtomCount);
        Assert.Equal(5, run.Structure!.Atoms.Count);
    }

    [Theory]
    [InlineData("mp-123_POSCAR")]
    [InlineData("x.poscar")]
    [InlineData("CONTCAR_relaxed")]
    [InlineData("relaxed-structure")]
    public void PoscarIsRecognisedByContentWhateverItsName(string name)
    {
        var path = TestData.Write(name, File.ReadAllText(TestData.Path("layouts/MgO.poscar")));
        Assert.Equal("poscar", StructureFiles.Detect(path)!.Name);
        var crystal = StructureFiles.Read(path);
        Assert.Equal(["Mg", "O"], crystal.Atoms.Select(a => a.Element));
        Assert.Equal(path, crystal.Source);
    }

    [Fact]
    public void CifIsRecognisedByContentAndFormatNamesEither()
    {
        var path = TestData.Write("MgO_from_a_database", File.ReadAllText(TestData.Path("structures/MgO-p1.cif")));
        Assert.Equal("cif", StructureFiles.Detect(path)!.Name);
        Assert.Equal(2, StructureFiles.Read(path, "cif").Atoms.Count);
        Assert.Equal(2, StructureFiles.Read(TestData.Path("layouts/MgO.poscar"), "poscar").Atoms.Count);
        // A spectrum is not mistaken for a structure, though its first lines are numbers.
        Assert.Null(StructureFiles.Detect(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat")));
    }

    [Fact]
    public void OptaDosTotalDosIsADosNotColumns()
    {
        // Layout of write_dos in OptaDOS's src/dos.f90 (optados-developers/optados): '#' header naming the broadening,
        // rows E, DOS, integrated DOS in E21.13.
        var file = SpectrumFiles.Read(TestData.Path("layouts/SiO2.adaptive.dat"));
        Assert.Equal("optados-dos", file.Format);
        Assert.Equal(["dos"], file.Curves.Select(c => c.Name));
        Assert.Equal(401, file.Curves[0].Curve.Count);
        Assert.Null(file.Threshold);   // a DOS, not a spectrum: no onset
        Assert.Equal("adaptive", file.Facts.Single(f => f.Name == "broadening").Value);
        Assert.Equal("27.581 electrons at the top of the grid", file.Facts.Single(f => f.Name == "integrated DOS").Value);
    }

    [Fact]
    public void SpinPolarisedOptaDosDosRestoresTheDownChannelsSign()
    {
        // write_dos with nspins > 1: E, up, -down, integrated up, -integrated down.
        var header = string.Join('\n', File.ReadLines(TestData.Path("layouts/SiO2.adaptive.dat")).Take(12));
        var path = TestData.Write("spin.linear.dat", header + "\n"
            + "  -0.1000000000000E+01    0.2000000000000E+01   -0.1000000000000E+01    0.0000000000000E+00   -0.0000000000000E+00  \n"
            + "   0.0000000000000E+00    0.4000000000000E+01   -0.3000000000000E+01    0.3000000000000E+01   -0.2000000000000E+01  \n");
        var file = SpectrumFiles.Read(path);
        Assert.Equal(["dos up", "dos down"], file.Curves.Select(c => c.Name));
        Assert.Equal([1.0, 3.0], file.CurveNamed("dos down").Intensities.ToArray());
        Assert.Equal("5 electrons at the top of the grid", file.Facts.Single(f => f.Name == "integrated DOS").Value);
    }

    [Fact]
    public void SpectrumStartingAboveItsOnsetHasNoOnset()
    {
        // The pilot's xanes.dat cut to start at 6 eV, above its 10% onset (5.06 eV): no onset rather than 6 eV.
        var path = TestData.Edited("qe-pilot/corehole_2x2x2_2pj/xanes_k111_x.dat", text => string.Join('\n',
            text.Split('\n').Where(l => l.StartsWith('#') || l.Trim().Length == 0
                || double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture) >= 6)));
        var file = SpectrumFiles.Read(path);
        Assert.Null(file.Threshold);
        Assert.Contains("no onset found", file.NoThresholdReason);
    }

    [Fact]
    public void XSpectraSpectrumTakesTheThresholdItsRunPrintsBesideIt()
    {
        // A campaign site folder: xanes_avg.dat with the core-hole scf.out that printed LUMO and HOMO.
        var beside = SpectrumFiles.Read(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat")).Threshold!;
        Assert.False(beside.IsFallback);
        Assert.Equal(10.1452 - 5.7893, beside.EnergyEv, 10);
        Assert.Contains("beside it", beside.Source);
        // Alone in a folder, the same file falls back to its onset, and says so.
        var alone = TestData.Write("xanes_avg.dat", File.ReadAllText(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat")));
        Assert.True(SpectrumFiles.Read(alone).Threshold!.IsFallback);
    }
}
