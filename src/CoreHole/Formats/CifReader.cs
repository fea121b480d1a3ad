using System.Globalization;
using CoreHole.Structures;

namespace CoreHole.Formats;

/// <summary>
/// Reads the first data block of a CIF (1.1 syntax) into a <see cref="Crystal"/>: cell, symmetry operations
/// (<c>_symmetry_equiv_pos_as_xyz</c> or <c>_space_group_symop_operation_xyz</c>) applied to the asymmetric unit,
/// duplicates merged. Values with standard uncertainties such as <c>9.8730(2)</c> are read as 9.8730.
/// </summary>
public static class CifReader
{
    /// <summary>Two symmetry images closer than this (Å) are the same atom (special positions).</summary>
    const double MergeDistance = 0.05;

    public static Crystal Read(string path)
    {
        if (!System.IO.File.Exists(path)) throw new InputError(path, null, "no such file");
        var block = CifBlock.Parse(path);
        double Length(string tag) => block.Number(tag) is var v && v > 0 ? v : throw new InputError(path, block.Column(tag)![0].Line, $"{tag} {v}: a cell length must be positive");
        double Angle(string tag) => block.Number(tag) is var v && v is > 0 and < 180 ? v : throw new InputError(path, block.Column(tag)![0].Line, $"{tag} {v}: a cell angle must lie between 0 and 180 degrees");
        var lattice = Lattice.FromParameters(
            Length("_cell_length_a"), Length("_cell_length_b"), Length("_cell_length_c"),
            Angle("_cell_angle_alpha"), Angle("_cell_angle_beta"), Angle("_cell_angle_gamma"));

        var operations = (block.Column("_symmetry_equiv_pos_as_xyz") ?? block.Column("_space_group_symop_operation_xyz"))
            ?.Select(op => SymmetryOperation.Parse(op.Text, path, op.Line)).ToList()
            ?? [SymmetryOperation.Identity];

        var labels = block.Column("_atom_site_label")
            ?? throw new InputError(path, null, "no _atom_site_label loop: no atoms");
        var types = block.Column("_atom_site_type_symbol");
        var xs = block.Column("_atom_site_fract_x") ?? throw new InputError(path, null, "no _atom_site_fract_x");
        var ys = block.Column("_atom_site_fract_y") ?? throw new InputError(path, null, "no _atom_site_fract_y");
        var zs = block.Column("_atom_site_fract_z") ?? throw new InputError(path, null, "no _atom_site_fract_z");
        var occupancies = block.Column("_atom_site_occupancy");
        foreach (var (tag, column) in new[] { ("_atom_site_type_symbol", types), ("_atom_site_fract_x", xs), ("_atom_site_fract_y", ys), ("_atom_site_fract_z", zs), ("_atom_site_occupancy", occupancies) })
            if (column is not null && column.Count != labels.Count)
                throw new InputError(path, column.Count > 0 ? column[0].Line : null, $"{tag} has {column.Count} values for {labels.Count} atom sites");

        var atoms = new List<Atom>();
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i].Text;
            var element = Elements.FromSymbolOrLabel(types?[i].Text ?? label, path, labels[i].Line);
            if (occupancies != null && CifBlock.ToNumber(occupancies[i], path) is var occ && Math.Abs(occ - 1) > 1e-3)
                throw new InputError(path, occupancies[i].Line, $"site {label} has occupancy {occ}: partial occupancy is not supported");
            var site = new Vec3(CifBlock.ToNumber(xs[i], path), CifBlock.ToNumber(ys[i], path), CifBlock.ToNumber(zs[i], path));
            foreach (var op in operations)
            {
                var image = op.Apply(site).Wrapped();
                if (!atoms.Any(a => a.Element == element && lattice.ToCartesian(MinimumImage(a.Fractional - image)).Length < MergeDistance))
                    atoms.Add(new Atom(element, image, label));
            }
        }
        return new Crystal(block.Name, lattice, atoms) { Source = path }.Validated();
    }

    static Vec3 MinimumImage(Vec3 d) => new(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));
}

/// <summary>A symmetry operation x' = R x + t in fractional coordinates, parsed from CIF's "x,y,z" notation.</summary>
public sealed record SymmetryOperation(double[,] Rotation, Vec3 Translation)
{
    public static readonly SymmetryOperation Identity = new(new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, default);

    public Vec3 Apply(Vec3 f) => new(
        Rotation[0, 0] * f.X + Rotation[0, 1] * f.Y + Rotation[0, 2] * f.Z + Translation.X,
        Rotation[1, 0] * f.X + Rotation[1, 1] * f.Y + Rotation[1, 2] * f.Z + Translation.Y,
        Rotation[2, 0] * f.X + Rotation[2, 1] * f.Y + Rotation[2, 2] * f.Z + Translation.Z);

    /// <summary>Parses e.g. "1/2+x,-y,z+0.5" or "X-Y,X,Z+1/2".</summary>
    public static SymmetryOperation Parse(string text, string file, int line)
    {
        var parts = text.Replace(" ", "").ToLowerInvariant().Split(',');
        if (parts.Length != 3) throw new InputError(file, line, $"symmetry operation '{text}' does not have three components");
        var rotation = new double[3, 3];
        var translation = new double[3];
        for (var row = 0; row < 3; row++)
        {
            var expr = parts[row];
            var pos = 0;
            while (pos < expr.Length)
            {
                var sign = 1.0;
                if (expr[pos] is '+' or '-') { sign = expr[pos] == '-' ? -1 : 1; pos++; }
                if (pos >= expr.Length) throw new InputError(file, line, $"symmetry operation '{text}' ends with a sign");
                var c = expr[pos];
                if (c is 'x' or 'y' or 'z') { rotation[row, c - 'x'] += sign; pos++; continue; }
                var start = pos;
                while (pos < expr.Length && (char.IsDigit(expr[pos]) || expr[pos] is '.' or '/')) pos++;
                if (start == pos) throw new InputError(file, line, $"symmetry operation '{text}': unexpected '{c}'");
                translation[row] += sign * Fraction(expr[start..pos], text, file, line);
            }
        }
        return new SymmetryOperation(rotation, new Vec3(translation[0], translation[1], translation[2]));
    }

    static double Fraction(string s, string op, string file, int line)
    {
        var slash = s.Split('/');
        if (slash.Length is 1 or 2
            && slash.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            return slash.Length == 1
                ? double.Parse(slash[0], CultureInfo.InvariantCulture)
                : double.Parse(slash[0], CultureInfo.InvariantCulture) / double.Parse(slash[1], CultureInfo.InvariantCulture);
        throw new InputError(file, line, $"symmetry operation '{op}': '{s}' is not a number or fraction");
    }
}
