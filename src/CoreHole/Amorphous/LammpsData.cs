using System.Globalization;
using System.Text;
using CoreHole.Formats;
using CoreHole.Structures;

namespace CoreHole.Amorphous;

/// <summary>
/// LAMMPS data files of <c>atom_style atomic</c> in an orthogonal box: written from a crystal to start a run, read back
/// (as <c>write_data</c> leaves them) into a crystal. Atom type k is element <c>types[k - 1]</c>, as in <c>pair_coeff * *</c>.
/// </summary>
public static class LammpsData
{
    public static string ToText(Crystal crystal, IReadOnlyList<string> types)
    {
        var l = crystal.Lattice;
        if (Math.Abs(l.A.Y) + Math.Abs(l.A.Z) + Math.Abs(l.B.X) + Math.Abs(l.B.Z) + Math.Abs(l.C.X) + Math.Abs(l.C.Y) > 1e-9)
            throw new ArgumentException($"{crystal.Name}: LAMMPS data files are written for orthogonal cells only");
        var text = new StringBuilder($"{crystal.Name} (CoreHole)\n\n{crystal.Atoms.Count} atoms\n{types.Count} atom types\n\n");
        text.Append(CultureInfo.InvariantCulture, $"0 {l.A.X:R} xlo xhi\n0 {l.B.Y:R} ylo yhi\n0 {l.C.Z:R} zlo zhi\n\nMasses\n\n");
        for (var t = 0; t < types.Count; t++) text.Append(CultureInfo.InvariantCulture, $"{t + 1} {Elements.Mass(types[t])}\n");
        text.Append("\nAtoms # atomic\n\n");
        var typeOf = types.Select((element, k) => (element, k + 1)).ToDictionary();
        for (var i = 0; i < crystal.Atoms.Count; i++)
        {
            var type = typeOf.GetValueOrDefault(crystal.Atoms[i].Element);
            if (type == 0) throw new ArgumentException($"{crystal.Name}: element {crystal.Atoms[i].Element} has no atom type");
            var r = crystal.CartesianPosition(i);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} {type} {r.X:R} {r.Y:R} {r.Z:R}\n");
        }
        return text.ToString();
    }

    /// <summary>The atoms in id order, labelled by element and running number (Si1, Si2, ..., O1, ...), positions wrapped into the cell.</summary>
    public static Crystal Read(string path, IReadOnlyList<string> types, string name)
    {
        var file = TextFile.Load(path);
        if (file.Find("xy xz yz", 1) >= 0) throw file.Error("a tilted (triclinic) box; CoreHole writes and reads orthogonal boxes only");
        double Edge(string axis)
        {
            var index = file.Find($"{axis}lo {axis}hi", 1);
            if (index < 0) throw file.Error($"no '{axis}lo {axis}hi' line: not a LAMMPS data file");
            var f = TextFile.Fields(file.Lines[index]);
            return file.ParseDouble(f[1], index, $"{axis}hi") - file.ParseDouble(f[0], index, $"{axis}lo");
        }
        var lattice = new Lattice(new Vec3(Edge("x"), 0, 0), new Vec3(0, Edge("y"), 0), new Vec3(0, 0, Edge("z")));

        var start = file.Find("Atoms", 1);   // line 0 is a free title
        if (start < 0) throw file.Error("no Atoms section");
        var rows = new List<(int Id, string Element, Vec3 Position)>();
        for (var i = start + 2; i < file.Lines.Length && file.Lines[i].Trim().Length > 0; i++)
        {
            var f = TextFile.Fields(file.Lines[i]);
            if (f.Length < 5) throw file.ErrorAt(i, $"'{file.Lines[i].Trim()}' is not an atom line 'id type x y z'");
            var type = file.ParseInt(f[1], i, "atom type");
            if (type < 1 || type > types.Count) throw file.ErrorAt(i, $"atom type {type}: only 1 to {types.Count} ({string.Join(", ", types)}) are known");
            var position = new Vec3(file.ParseDouble(f[2], i, "x"), file.ParseDouble(f[3], i, "y"), file.ParseDouble(f[4], i, "z"));
            rows.Add((file.ParseInt(f[0], i, "atom id"), types[type - 1], position));
        }
        var atoms = rows.OrderBy(r => r.Id).Select(r => (r.Element, Fractional: lattice.ToFractional(r.Position).Wrapped())).ToList();
        return new Crystal(name, lattice, atoms.Select((a, i) =>
            new Atom(a.Element, a.Fractional, $"{a.Element}{atoms.Take(i + 1).Count(b => b.Element == a.Element)}")).ToList());
    }
}
