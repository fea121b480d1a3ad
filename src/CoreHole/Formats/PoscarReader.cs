using CoreHole.Structures;

namespace CoreHole.Formats;

/// <summary>
/// Reads a VASP POSCAR/CONTCAR (VASP 5 with an element line; VASP 4 files need element names in the comment line).
/// A negative scale factor is the cell volume, as VASP defines it. Selective dynamics flags are ignored.
/// Layout as the VASP wiki's POSCAR page gives it: comment, scale, three lattice vectors, [element names], counts,
/// [Selective dynamics], Direct/Cartesian, one position per atom.
/// </summary>
public static class PoscarReader
{
    public static Crystal Read(string path)
    {
        var file = TextFile.Load(path);
        var n = 0;
        int Next(string what) => n < file.Lines.Length ? n++ : throw file.ErrorAt(file.Lines.Length - 1, $"file ends before {what}: truncated");
        double[] Numbers(int line, int count, string what)
        {
            var fields = TextFile.Fields(file.Lines[line]);
            if (fields.Length < count) throw file.ErrorAt(line, $"{what}: expected {count} numbers, found {fields.Length}");
            return fields.Take(count).Select(f => file.ParseDouble(f, line, what)).ToArray();
        }

        var comment = file.Lines[Next("the comment line")];
        var scaleLine = Next("the scale factor");
        var scale = Numbers(scaleLine, 1, "scale factor")[0];
        if (scale == 0) throw file.ErrorAt(scaleLine, "scale factor 0: the cell would have no size");
        var rows = new Vec3[3];
        for (var i = 0; i < 3; i++)
        {
            var v = Numbers(Next("the lattice vectors"), 3, "lattice vector");
            rows[i] = new Vec3(v[0], v[1], v[2]);
        }
        var lattice = new Lattice(rows[0], rows[1], rows[2]);
        if (!(lattice.Volume > 0)) throw file.ErrorAt(4, "lattice vectors are linearly dependent");
        var factor = scale > 0 ? scale : Math.Cbrt(-scale / lattice.Volume);
        lattice = new Lattice(factor * rows[0], factor * rows[1], factor * rows[2]);

        var line = Next("the element or count line");
        string[] elements;
        if (TextFile.Fields(file.Lines[line]).All(f => int.TryParse(f, out _)))
        {
            elements = TextFile.Fields(comment);
            if (elements.Length == 0 || !elements.All(Elements.IsSymbol))
                throw file.ErrorAt(line, "no element line (VASP 4 file) and the comment line does not list the elements");
        }
        else
        {
            elements = TextFile.Fields(file.Lines[line]).Select(e => Elements.FromSymbolOrLabel(e.Split('_', '/')[0], path, line + 1)).ToArray();
            line = Next("the atom counts");
        }
        var countFields = TextFile.Fields(file.Lines[line]);
        if (countFields.Length != elements.Length)
            throw file.ErrorAt(line, $"{countFields.Length} atom counts for {elements.Length} element names");
        var counts = countFields.Select(f => int.TryParse(f, out var c) && c > 0 ? c
            : throw file.ErrorAt(line, $"atom count '{f}' is not a positive whole number")).ToArray();

        var modeLine = Next("the coordinate mode");
        var mode = file.Lines[modeLine].Trim();
        if (mode.StartsWith('s') || mode.StartsWith('S')) mode = file.Lines[modeLine = Next("the coordinate mode")].Trim();
        var cartesian = mode.Length > 0 && mode[0] is 'c' or 'C' or 'k' or 'K';
        if (!cartesian && !(mode.Length > 0 && mode[0] is 'd' or 'D'))
            throw file.ErrorAt(modeLine, $"coordinate mode '{mode}' is neither Direct nor Cartesian");

        var atoms = new List<Atom>();
        for (var e = 0; e < elements.Length; e++)
            for (var k = 0; k < counts[e]; k++)
            {
                var v = Numbers(Next($"atom {atoms.Count + 1} of {counts.Sum(c => (long)c)}"), 3, "atomic position");
                var p = new Vec3(v[0], v[1], v[2]);
                atoms.Add(new Atom(elements[e], cartesian ? lattice.ToFractional(factor * p) : p, $"{elements[e]}{k + 1}"));
            }
        return new Crystal(comment.Trim(), lattice, atoms) { Source = path }.Validated();
    }

    /// <summary>
    /// The POSCAR layout in the first lines: a line of one scale number, three lines of exactly three numbers, then
    /// atom counts (whole numbers) either at once or after a line of element names.
    /// </summary>
    public static bool LooksLikePoscar(IReadOnlyList<string> head) =>
        head.Count >= 7 && IsNumbers(head[1], 1) && Enumerable.Range(2, 3).All(i => IsNumbers(head[i], 3))
        && (IsCounts(head[5]) || (TextFile.Fields(head[5]) is { Length: > 0 } names && names.All(n => char.IsLetter(n[0])) && IsCounts(head[6])));

    static bool IsNumbers(string line, int count) =>
        TextFile.Fields(line) is var fields && fields.Length == count && fields.All(f =>
            double.TryParse(f, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));

    static bool IsCounts(string line) => TextFile.Fields(line) is { Length: > 0 } fields && fields.All(f => int.TryParse(f, out _));
}
