using System.IO.Compression;
using CoreHole.Cli.Commands;
using CoreHole.Formats;
using CoreHole.Structures;

namespace CoreHole.Tests.Formats;

/// <summary>The corrupted files that were read as whole, or crashed the process: each is now one line naming the file.</summary>
public class CorruptedFileTests
{
    const string Poscar = "layouts/MgO.poscar";
    const string Scale = "   1.00000000000000";

    [Theory]
    [InlineData("   1e-300", "cell")]
    [InlineData("   0", "scale factor 0")]
    public void PoscarScaledToNothingIsRefusedBeforeSpglibSeesIt(string scale, string phrase)
    {
        // Scaled by 1e-300 the cell reached spglib and the process died of a segmentation fault (exit 139).
        var path = TestData.WithReplaced(Poscar, Scale, scale);
        TestData.AssertInputError(() => InspectCommand.Rows(path), path, null, phrase);
    }

    [Fact]
    public void EverySpglibCallValidatesTheCellAndNamesItsFile()
    {
        var good = StructureFiles.Read(TestData.Path(Poscar));
        var tiny = good with { Lattice = new Lattice(1e-300 * good.Lattice.A, 1e-300 * good.Lattice.B, 1e-300 * good.Lattice.C) };
        TestData.AssertInputError(() => Symmetry.Analyze(tiny), good.Source!, null, "no volume");
        TestData.AssertInputError(() => Symmetry.IrreducibleKPoints(tiny, (2, 2, 2)), good.Source!, null, "no volume");
        var overlapping = good with { Atoms = [good.Atoms[0], good.Atoms[1], good.Atoms[1] with { Label = "O2" }] };
        TestData.AssertInputError(() => Symmetry.Primitive(overlapping), good.Source!, null, "overlapping atoms");
    }

    [Fact]
    public void StructureErrorsNameTheFileNotTheTitle()
    {
        // Two atoms at the same place: the error used to begin with the comment line ("MgO rock salt, ...").
        var path = TestData.WithReplaced(Poscar, "  0.5000000000000000  0.5000000000000000  0.5000000000000000", "  0.0100000000000000  0.0000000000000000  0.0000000000000000");
        var e = TestData.AssertInputError(() => InspectCommand.Rows(path), path, null, "overlapping atoms");
        Assert.DoesNotContain("rock salt", e.Message);
    }

    [Fact]
    public void PoscarCountsMustBePositive()
    {
        var path = TestData.WithReplaced(Poscar, "     1     1", "     0     2");
        TestData.AssertInputError(() => StructureFiles.Read(path), path, 7, "atom count '0' is not a positive whole number");
    }

    [Fact]
    public void TruncatedCifHasNoAtomsAndIsRefused()
    {
        // Cut after the atom loop's header: it was read as a crystal of 0 atoms and density 0.
        var path = TestData.Edited("structures/MgO-p1.cif", t => t[..(t.IndexOf("Mg1 Mg", StringComparison.Ordinal))]);
        TestData.AssertInputError(() => StructureFiles.Read(path), path, null, "no atoms");
    }

    [Fact]
    public void NegativeCellLengthIsRefusedWithItsLine()
    {
        var path = TestData.WithReplaced("structures/MgO-p1.cif", "_cell_length_b 2.977768", "_cell_length_b -2.977768");
        TestData.AssertInputError(() => StructureFiles.Read(path), path, 5, "a cell length must be positive");
    }

    [Fact]
    public void TruncatedGzipIsRefusedNotReadAsAShorterCurve()
    {
        // gzip -t: "unexpected end of file". The trailer (CRC-32 and size) no longer matches what decompresses.
        var plain = File.ReadAllBytes(TestData.Path("qe-seed/MgO/site_O1/xanes_avg.dat"));
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(plain);
        var whole = output.ToArray();
        foreach (var cut in new[] { whole.Length - 4, whole.Length / 2 })
        {
            var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-gz-").FullName, "xanes_avg.dat.gz");
            File.WriteAllBytes(path, whole[..cut]);
            TestData.AssertInputError(() => SpectrumFiles.Read(path), path, null, "gzip");
        }
    }

    [Fact]
    public void RowCutInsideItsLastNumberIsRefusedNamingTheCut()
    {
        // "7.373281e-92" cut to "7.37328" at the end of the file (no line end): read as a number 1e92 times too large.
        var path = TestData.Edited("fixtures/two_columns.dat", t => t[..(t.IndexOf("7.373281e-92", StringComparison.Ordinal) + 7)]);
        TestData.AssertInputError(() => SpectrumFiles.Read(path), path, 20, "'7.37328' is narrower");
        // Hand-made columns of varying width without a final line end are read as they are.
        var handMade = TestData.Write("curve.dat", "0 1\n0.5 0.25\n1 0.5\n1.5 1");
        Assert.Equal(4, SpectrumFiles.Read(handMade).Curves[0].Curve.Count);
    }
}
