using System.Globalization;
using System.Text;
using CoreHole.Structures;

namespace CoreHole.Formats;

/// <summary>Writes a crystal as a P1 CIF (every atom listed, labels kept), readable back by <see cref="CifReader"/>.</summary>
public static class CifWriter
{
    public static string ToText(Crystal crystal, string? comment = null)
    {
        var l = crystal.Lattice.Parameters();
        var text = new StringBuilder($"data_{crystal.Name.Replace(' ', '_')}\n");
        if (comment != null) text.Append("# ").Append(comment.ReplaceLineEndings(" ")).Append('\n');
        text.Append("_symmetry_space_group_name_H-M 'P 1'\n");
        text.Append(CultureInfo.InvariantCulture, $"_cell_length_a {l.A:F8}\n_cell_length_b {l.B:F8}\n_cell_length_c {l.C:F8}\n");
        text.Append(CultureInfo.InvariantCulture, $"_cell_angle_alpha {l.Alpha:F8}\n_cell_angle_beta {l.Beta:F8}\n_cell_angle_gamma {l.Gamma:F8}\n");
        text.Append("loop_\n_symmetry_equiv_pos_as_xyz\n'x, y, z'\nloop_\n_atom_site_label\n_atom_site_type_symbol\n");
        text.Append("_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n");
        foreach (var a in crystal.Atoms)
            text.Append(CultureInfo.InvariantCulture, $"{a.Label ?? a.Element} {a.Element} {a.Fractional.X:F10} {a.Fractional.Y:F10} {a.Fractional.Z:F10}\n");
        return text.ToString();
    }
}
