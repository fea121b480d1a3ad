using System.Globalization;
using System.Text;
using CoreHole.Structures;

namespace CoreHole.Simulation.Engines.QuantumEspresso;

/// <summary>
/// A Quantum ESPRESSO input file: Fortran namelists (ordered name = value pairs) followed by cards, written exactly
/// as QE reads them. Values are C# strings, numbers or booleans; arrays use QE's <c>name(i)</c> keys.
/// </summary>
public sealed class QeInput
{
    readonly List<(string Name, List<(string Key, object Value)> Values)> _namelists = [];
    readonly StringBuilder _cards = new();

    public QeInput Namelist(string name, params (string Key, object Value)[] values)
    {
        _namelists.Add((name, values.ToList()));
        return this;
    }

    public QeInput Card(string text)
    {
        _cards.Append(text.TrimEnd('\n')).Append('\n');
        return this;
    }

    /// <summary>The species and positions cards of a crystal: CELL_PARAMETERS in Å, fractional ATOMIC_POSITIONS.</summary>
    public QeInput Structure(Crystal crystal, IReadOnlyList<Pseudopotential> species, IReadOnlyList<string> speciesOfAtom)
    {
        var text = new StringBuilder("ATOMIC_SPECIES\n");
        foreach (var p in species)
            text.Append(CultureInfo.InvariantCulture, $"{p.Species,-4} {Elements.Mass(p.Element),10:F4}  {p.FileName}\n");
        text.Append("CELL_PARAMETERS angstrom\n");
        foreach (var v in new[] { crystal.Lattice.A, crystal.Lattice.B, crystal.Lattice.C })
            text.Append(CultureInfo.InvariantCulture, $"  {v.X,16:F10} {v.Y,16:F10} {v.Z,16:F10}\n");
        text.Append("ATOMIC_POSITIONS crystal\n");
        for (var i = 0; i < crystal.Atoms.Count; i++)
        {
            var f = crystal.Atoms[i].Fractional;
            text.Append(CultureInfo.InvariantCulture, $"{speciesOfAtom[i],-4} {f.X,14:F10} {f.Y,14:F10} {f.Z,14:F10}\n");
        }
        return Card(text.ToString());
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, values) in _namelists)
        {
            text.Append(" &").Append(name).Append('\n');
            foreach (var (key, value) in values)
                text.Append("    ").Append(key).Append(" = ").Append(Format(value)).Append(",\n");
            text.Append(" /\n");
        }
        return text.Append(_cards).ToString();
    }

    static string Format(object value) => value switch
    {
        string s => $"'{s}'",
        bool b => b ? ".true." : ".false.",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.0###########", CultureInfo.InvariantCulture) is var s && Math.Abs(d) is > 0 and < 1e-4
            ? d.ToString("0.0###E+0", CultureInfo.InvariantCulture).Replace('E', 'd')
            : s,
        _ => throw new ArgumentException($"QE input value of type {value.GetType().Name}"),
    };
}
