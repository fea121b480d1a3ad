using System.Globalization;
using CoreHole.Structures;

namespace CoreHole.Formats;

/// <summary>
/// Reads a VASP POSCAR/CONTCAR (VASP 5 with an element line; VASP 4 files need element names in the comment line).
/// A negative scale factor is the cell volume, as VASP defines it. Selective dynamics flags are ignored.
/// </summary>
public static class PoscarReader
{
    public static Crystal Read(string path)
    {
        if (!System.IO.File.Exists(path)) throw new InputError(path, null, "no such file");
        var lines = System.IO.File.ReadAllLines(path);
        var n = 0;
        string Next(string what) => n < lines.Length ? lines[n++] : throw new InputError(path, n, $"file ends before {what}: truncated");
        double[] Numbers(string line, int count, string what)
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < count) throw new InputError(path, n, $"{what}: expected {count} numbers, found {fields.Length}");
            var values = new double[count];
            for (var i = 0; i < count; i++)
                if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                    throw new InputError(path, n, $"{what}: '{fields[i]}' is not a finite number");
            return values;
        }

        var comment = Next("the comment line");
        var scale = Numbers(Next("the scale factor"), 1, "scale factor")[0];
        var rows = new Vec3[3];
        for (var i = 0; i < 3; i++)
        {
            var v = Numbers(Next("the lattice vectors"), 3, "lattice vector");
            rows[i] = new Vec3(v[0], v[1], v[2]);
        }
        var lattice = new Lattice(rows[0], rows[1], rows[2]);
        if (lattice.Volume < 1e-9) throw new InputError(path, 5, "lattice vectors are linearly dependent");
        var factor = scale > 0 ? scale : Math.Cbrt(-scale / lattice.Volume);
        lattice = new Lattice(factor * rows[0], factor * rows[1], factor * rows[2]);

        var line = Next("the element or count line");
        string[] elements;
        if (line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).All(f => int.TryParse(f, out _)))
        {
            elements = comment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (elements.Length == 0 || !elements.All(Elements.IsSymbol))
                throw new InputError(path, 6, "no element line (VASP 4 file) and the comment line does not list the elements");
        }
        else
        {
            elements = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(e => Elements.FromSymbolOrLabel(e.Split('_', '/')[0], path, n)).ToArray();
            line = Next("the atom counts");
        }
        var countFields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (countFields.Length < elements.Length || !countFields.Take(elements.Length).All(f => int.TryParse(f, out var c) && c >= 0))
            throw new InputError(path, n, $"expected {elements.Length} atom counts, found '{line.Trim()}'");
        var counts = countFields.Take(elements.Length).Select(int.Parse).ToArray();
        if (elements.Length < countFields.Length)
            throw new InputError(path, n, $"{countFields.Length} atom counts but {elements.Length} element names");

        var mode = Next("the coordinate mode").Trim();
        if (mode.StartsWith('s') || mode.StartsWith('S')) mode = Next("the coordinate mode").Trim();
        var cartesian = mode.Length > 0 && mode[0] is 'c' or 'C' or 'k' or 'K';
        if (!cartesian && !(mode.Length > 0 && mode[0] is 'd' or 'D'))
            throw new InputError(path, n, $"coordinate mode '{mode}' is neither Direct nor Cartesian");

        var atoms = new List<Atom>();
        for (var e = 0; e < elements.Length; e++)
            for (var k = 0; k < counts[e]; k++)
            {
                var v = Numbers(Next($"atom {atoms.Count + 1} of {counts.Sum()}"), 3, "atomic position");
                var p = new Vec3(v[0], v[1], v[2]);
                atoms.Add(new Atom(elements[e], cartesian ? lattice.ToFractional(factor * p) : p, $"{elements[e]}{k + 1}"));
            }
        return new Crystal(comment.Trim(), lattice, atoms);
    }
}
