using System.Text.RegularExpressions;

namespace CoreHole.Formats;

/// <summary>
/// OptaDOS output for CASTEP users (layouts from OptaDOS's core.f90 and pdos.F90):
/// <list type="bullet">
/// <item><c>seed_core_edge.dat</c>: a "Core loss function" '#' header (with the broadening used, if any), then one
/// block per edge, headed "# O 1 K1", of rows E, intensity (and a third column, the lifetime/instrument broadened
/// intensity, when core_LAI_broadening was on). Energies are relative to the Fermi level when set_efermi_zero.</item>
/// <item><c>seed.pdos.dat</c>: a '#' header describing each column ("Column: 1 contains:" then "O 1 p" rows, with a
/// spin channel for spin-polarised runs), then rows E and one value per column; OptaDOS writes spin-down
/// columns negated for plotting, and they are read back as positive densities.</item>
/// <item><c>seed.adaptive.dat</c>, <c>seed.linear.dat</c>, <c>seed.fixed.dat</c> (dos.f90, <c>write_dos</c>): the total
/// DOS by each broadening, a '#' header ("Density of States using adaptive broadening", the column list), then rows
/// E, DOS, integrated DOS, or with spin E, up, down, integrated up, integrated down (down columns negated). The
/// integrated DOS is a count of electrons, not a curve: its last value is reported as a fact.</item>
/// </list>
/// </summary>
public static partial class OptaDosReader
{
    public static SpectrumFile ReadCoreEdge(string path)
    {
        var file = TextFile.Load(path);
        var title = file.Find("Core loss function");
        if (title < 0) throw file.ErrorAt(0, "not an OptaDOS core-edge file: no 'Core loss function' header");
        var curves = new List<NamedCurve>();
        var notes = new List<Fact>();
        for (var i = title + 1; i < file.Lines.Length; i++)
        {
            var text = file.Lines[i].Trim();
            if (!text.StartsWith('#')) continue;
            var end = NextComment(file, i + 1);
            var name = string.Join(' ', TextFile.Fields(text.TrimStart('#')));   // "# O  1 K1" -> "O 1 K1"
            if (!HasData(file, i + 1, end))
            {
                if (name.Length > 0 && !name.StartsWith('*')) notes.Add(new Fact("header", name));
                continue;
            }
            var table = NumericTable.Read(file, i + 1, end);
            curves.Add(new NamedCurve(name, table.Curve(1)));
            if (table.Columns.Length == 3) curves.Add(new NamedCurve(name + " (broadened)", table.Curve(2)));
            else if (table.Columns.Length != 2) throw file.ErrorAt(i + 1, $"edge '{name}': {table.Columns.Length} columns, expected 2 or 3");
            i = end - 1;
        }
        if (curves.Count == 0) throw file.ErrorAt(file.Lines.Length - 1, "no edge blocks ('# El n edge' followed by rows)");
        return new SpectrumFile { Path = path, Format = "optados-core-edge", Curves = curves, Sites = $"{curves.Count(c => !c.Name.EndsWith(')'))} edges", Facts = notes };
    }

    public static SpectrumFile ReadPdos(string path)
    {
        var file = TextFile.Load(path);
        if (file.Find("Partial Density of States -- Projectors") < 0)
            throw file.ErrorAt(0, "not an OptaDOS PDOS file: no 'Partial Density of States -- Projectors' header");
        var columns = ColumnContents(file);
        var table = NumericTable.Read(file, columns: columns.Count + 1);
        var curves = columns.Select((c, i) => c.Down
            ? new NamedCurve(c.Name, table.CurveOf(table.Columns[0], Array.ConvertAll(table.Columns[i + 1], v => -v)))
            : new NamedCurve(c.Name, table.Curve(i + 1))).ToArray();
        return new SpectrumFile
        {
            Path = path,
            Format = "optados-pdos",
            Curves = curves,
            Sites = $"{columns.Count} projector columns",
            Facts = columns.Any(c => c.Down) ? [new Fact("spin", "polarised; down columns sign-restored (OptaDOS writes them negative)")] : [],
        };
    }

    public static SpectrumFile ReadDos(string path)
    {
        var file = TextFile.Load(path);
        var title = file.Find("Density of States using");
        if (title < 0) throw file.ErrorAt(0, "not an OptaDOS DOS file: no 'Density of States using ... broadening' header");
        var table = NumericTable.Read(file);
        var spin = table.Columns.Length switch
        {
            3 => false,
            5 => true,
            var n => throw file.ErrorAt(title, $"{n} columns: OptaDOS writes 3 (E, DOS, integrated) or 5 with spin"),
        };
        var e = table.Columns[0];
        NamedCurve Named(string name, int column, bool negated) =>
            new(name, negated ? table.CurveOf(e, Array.ConvertAll(table.Columns[column], v => -v)) : table.Curve(column));
        var integrated = spin ? table.Columns[3][^1] - table.Columns[4][^1] : table.Columns[2][^1];
        return new SpectrumFile
        {
            Path = path,
            Format = "optados-dos",
            Curves = spin ? [Named("dos up", 1, false), Named("dos down", 2, true)] : [Named("dos", 1, false)],
            Facts =
            [
                new("broadening", string.Join(' ', TextFile.Fields(file.Lines[title].TrimStart('#', ' ')).Skip(4).SkipLast(1))),
                new("integrated DOS", $"{integrated.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} electrons at the top of the grid"),
                .. spin ? [new Fact("spin", "polarised; down columns sign-restored (OptaDOS writes them negative)")] : Array.Empty<Fact>(),
            ],
        };
    }

    /// <summary>One entry per "Column: n contains:" section, named from its "Atom AngM [Spin]" rows.</summary>
    static List<(string Name, bool Down)> ColumnContents(TextFile file)
    {
        var columns = new List<(string, bool)>();
        for (var i = 0; i < file.Lines.Length; i++)
        {
            var m = ColumnHeader().Match(file.Lines[i]);
            if (!m.Success) continue;
            if (file.ParseInt(m.Groups[1].Value, i, "column number") != columns.Count + 1)
                throw file.ErrorAt(i, $"expected the description of column {columns.Count + 1}");
            var entries = new List<string[]>();
            for (i += 2; i < file.Lines.Length && ProjectorRow().Match(file.Lines[i]) is { Success: true } row; i++)
                entries.Add(TextFile.Fields(row.Groups[1].Value));
            if (entries.Count == 0 || entries.Any(e => e.Length is not (3 or 4)))
                throw file.ErrorAt(Math.Min(i, file.Lines.Length - 1), $"column {columns.Count + 1}: expected rows 'El n am [spin]'");
            var down = entries[0].Length == 4 && entries[0][3] == "Down";
            var spin = entries[0].Length == 4 ? (down ? " down" : " up") : "";
            var atoms = entries.Select(e => $"{e[0]} {e[1]}").Distinct().ToArray();
            var ams = string.Join("", entries.Select(e => e[2]).Distinct());
            columns.Add((atoms.Length == 1 ? $"{atoms[0]} {ams}{spin}" : $"{entries[0][0]} {ams} ({atoms.Length} atoms){spin}", down));
            i--;
        }
        if (columns.Count == 0) throw file.Error("no 'Column: n contains:' descriptions in the header");
        return columns;
    }

    static int NextComment(TextFile file, int from)
    {
        var i = from;
        while (i < file.Lines.Length && !file.Lines[i].TrimStart().StartsWith('#')) i++;
        return i;
    }

    static bool HasData(TextFile file, int from, int to)
    {
        for (var i = from; i < to; i++) if (!string.IsNullOrWhiteSpace(file.Lines[i])) return true;
        return false;
    }

    [GeneratedRegex(@"^#\|\s*Column:\s*(\d+)\s+contains:")] private static partial Regex ColumnHeader();
    [GeneratedRegex(@"^#\|([^|]*[A-Za-z][^|]*)\|\s*$")] private static partial Regex ProjectorRow();
}
