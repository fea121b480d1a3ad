using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

public class QePdosReaderTests
{
    const string MgOp = "qe-seed/MgO/gs/pdos/atm2_O_p.pdos";
    const string SpinP = "qe-made-here/mgo_spin.pdos.pdos_atm#2(O)_wfc#2(p)";

    [Fact]
    public void ProjectedPdosOfMgOxygen()
    {
        var pdos = QePdosReader.Read(TestData.Path(MgOp));
        Assert.Equal("qe-pdos", pdos.Format);
        Assert.Equal(["ldos", "pz", "px", "py"], pdos.Curves.Select(c => c.Name));
        Assert.Equal("atom 2 (O), p", pdos.Sites);
        var ldos = pdos.CurveNamed("ldos");
        Assert.Equal(796, ldos.Count);
        Assert.Equal((-11.647, 28.103), (ldos.FirstEnergy, ldos.LastEnergy));
        Assert.Equal(0.182E-04, ldos.Intensities[1]);
        Assert.Equal(0.05, ldos.UniformStep!.Value, 9);
        Assert.Equal(0.606E-05, pdos.CurveNamed("px").Intensities[1]);
    }

    [Fact]
    public void SpinPolarisedPdosAsProjwfcNamedIt()
    {
        var pdos = QePdosReader.Read(TestData.Path(SpinP));
        Assert.Equal(["ldosup", "ldosdw", "pzup", "pzdw", "pxup", "pxdw", "pyup", "pydw"], pdos.Curves.Select(c => c.Name));
        Assert.Equal("atom 2 (O), p", pdos.Sites);
        Assert.Equal(0.179E-17, pdos.CurveNamed("ldosdw").Intensities[0]);
    }

    [Fact]
    public void TotalDosPlainAndSpinPolarised()
    {
        var total = QePdosReader.Read(TestData.Path("qe-seed/MgO/gs/pdos/pdos_tot.dat"));
        Assert.Equal(("qe-pdos-tot", "all atoms"), (total.Format, total.Sites));
        Assert.Equal(["dos", "pdos"], total.Curves.Select(c => c.Name));
        Assert.Equal(0.818E-01, total.CurveNamed("dos").Intensities[1]);
        var spin = QePdosReader.Read(TestData.Path("qe-made-here/mgo_spin.pdos.pdos_tot"));
        Assert.Equal(["dosup", "dosdw", "pdosup", "pdosdw"], spin.Curves.Select(c => c.Name));
    }

    [Fact]
    public void TruncatedRowNamesItsLine()
    {
        var path = TestData.WithReplaced(MgOp, "  28.103  0.335E-01  0.112E-01  0.112E-01  0.112E-01", "  28.103  0.335E-01  0.11");
        TestData.AssertInputError(() => QePdosReader.Read(path), path, 797, "3 columns, but the first row (line 2) has 5");
    }

    [Theory]
    [InlineData("NaN", "'NaN' is not finite")]
    [InlineData("0.182E-0x", "'0.182E-0x' is not a number")]
    public void BadValueNamesItsLine(string value, string phrase)
    {
        var path = TestData.WithReplaced(MgOp, "0.182E-04", value);
        TestData.AssertInputError(() => QePdosReader.Read(path), path, 3, phrase);
    }

    [Fact]
    public void EnergiesOutOfOrderNameTheirLine()
    {
        var path = TestData.WithReplaced(MgOp, " -11.597 ", " -11.497 ");   // row 3 now lies above row 4
        TestData.AssertInputError(() => QePdosReader.Read(path), path, 4, "energies must increase");
    }

    [Fact]
    public void ColumnsThatDoNotFitTheOrbitalAreRejected()
    {
        var path = TestData.Write("atm2_O_d.pdos", "# E (eV)   ldos(E)   pdos(E)    pdos(E)    pdos(E)\n 0.0 1 1 1 1\n 0.1 1 1 1 1\n");
        TestData.AssertInputError(() => QePdosReader.Read(path), path, 1, "5 columns do not fit a PDOS with l=2");
    }

    [Fact]
    public void OneRowOrNoneIsNotACurve()
    {
        var one = TestData.Write("a.pdos_tot", "# E (eV)  dos(E)    pdos(E)\n 0.0 1 1\n");
        TestData.AssertInputError(() => QePdosReader.Read(one), one, 2, "only one data row");
        var none = TestData.Write("b.pdos_tot", "# E (eV)  dos(E)    pdos(E)\n");
        TestData.AssertInputError(() => QePdosReader.Read(none), none, 1, "no data rows");
    }

    [Fact]
    public void WrongHeaderIsNotAPdos()
    {
        var path = TestData.Path("qe-seed/MgO/site_O1/xanes_x.dat");
        TestData.AssertInputError(() => QePdosReader.Read(path), path, 1, "not a projwfc PDOS file");
    }
}
