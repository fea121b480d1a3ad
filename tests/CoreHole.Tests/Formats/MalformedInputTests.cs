using CoreHole.Formats;

namespace CoreHole.Tests.Formats;

/// <summary>The same damage done to every reader's input: each must answer with file, line and problem.</summary>
public class MalformedInputTests
{
    static readonly Dictionary<string, Func<string, object>> Readers = new()
    {
        ["pw-output"] = PwOutputReader.Read,
        ["xspectra-output"] = XSpectraOutputReader.Read,
        ["projwfc-output"] = ProjwfcOutputReader.Read,
        ["qe-pdos"] = QePdosReader.Read,
        ["xanes-dat"] = XSpectraDatReader.Read,
        ["feff-xmu"] = FeffXmuReader.Read,
        ["vasp-doscar"] = DoscarReader.Read,
        ["vasprun"] = VasprunReader.Read,
        ["optados-core-edge"] = OptaDosReader.ReadCoreEdge,
        ["optados-pdos"] = OptaDosReader.ReadPdos,
        ["columns"] = ColumnsReader.Read,
        ["detected"] = path => SpectrumFiles.Read(path),
    };

    public static TheoryData<string> ReaderNames => new(Readers.Keys);

    /// <summary>Files whose last non-blank line is a data row, with the reader that reads them.</summary>
    public static TheoryData<string, string> TableFiles => new()
    {
        { "qe-pdos", "qe-seed/MgO/gs/pdos/atm2_O_p.pdos" },
        { "qe-pdos", "qe-made-here/mgo_spin.pdos.pdos_tot" },
        { "xanes-dat", "qe-seed/MgO/site_O1/xanes_x.dat" },
        { "xanes-dat", "qe-seed/MgO/site_O1/xanes_avg.dat" },
        { "feff-xmu", "fixtures/xmu.dat" },
        { "vasp-doscar", "fixtures/DOSCAR.ispin2_lorbit10" },
        { "vasp-doscar", "fixtures/DOSCAR.total_only" },
        { "optados-core-edge", "fixtures/test_core_edge.dat" },
        { "optados-pdos", "fixtures/test_spin.pdos.dat" },
        { "columns", "fixtures/two_columns.dat" },
    };

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public void EmptyFile(string reader)
    {
        var path = TestData.Write("input.dat", "  \n\n");
        TestData.AssertInputError(() => Readers[reader](path), path, null, "empty file");
    }

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public void MissingFile(string reader)
    {
        var path = Path.Combine(Path.GetTempPath(), "corehole-absent", "input.dat");
        TestData.AssertInputError(() => Readers[reader](path), path, null, "no such file");
    }

    [Theory]
    [MemberData(nameof(TableFiles))]
    public void RowCutShort(string reader, string relative)
    {
        var (lines, last) = Lines(relative);
        lines[last] = TextFile.Fields(lines[last])[0];   // only the energy is left
        var path = TestData.Write(Path.GetFileName(relative), string.Join('\n', lines));
        TestData.AssertInputError(() => Readers[reader](path), path, last + 1, "truncated");
    }

    [Theory]
    [MemberData(nameof(TableFiles))]
    public void NotANumber(string reader, string relative)
    {
        var (lines, last) = Lines(relative);
        var fields = TextFile.Fields(lines[last]);
        lines[last] = string.Join(' ', fields[..^1]) + " NaN";
        var path = TestData.Write(Path.GetFileName(relative), string.Join('\n', lines));
        TestData.AssertInputError(() => Readers[reader](path), path, last + 1, "'NaN' is not finite");
    }

    static (string[] Lines, int Last) Lines(string relative)
    {
        var lines = File.ReadAllLines(TestData.Path(relative));
        return (lines, Array.FindLastIndex(lines, l => !string.IsNullOrWhiteSpace(l)));
    }
}
