using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoreHole.Simulation.Engines.QuantumEspresso;

/// <summary>The parts of a UPF (v2) pseudopotential file CoreHole needs: valence charge and the GIPAW core orbitals.</summary>
public sealed partial class Upf
{
    public required string Path { get; init; }
    public required double Valence { get; init; }
    string Text { get; init; } = "";

    public static Upf Read(string path)
    {
        if (!File.Exists(path)) throw new InputError(path, null, "no such pseudopotential file");
        var text = File.ReadAllText(path);
        var z = ValenceRegex().Match(text);
        if (!z.Success) throw new InputError(path, null, "no z_valence: not a UPF pseudopotential (or truncated)");
        return new Upf { Path = path, Valence = double.Parse(z.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture), Text = text };
    }

    /// <summary>
    /// The GIPAW core orbitals in the two-column (r, r·psi) layout that xspectra.x reads as <c>filecore</c>: a header
    /// line naming the states, then one block per orbital.
    /// </summary>
    public string CoreOrbitalFileText(string source)
    {
        var grid = Numbers(Section("PP_R"));
        var orbitals = CoreOrbitalRegex().Matches(Text);
        if (orbitals.Count == 0) throw new InputError(Path, null, "no PP_GIPAW_CORE_ORBITAL: generate it with lgipaw_reconstruction=.true.");
        var header = string.Join(" ", orbitals.Select(o => $"{Attribute(o.Groups[1].Value, "n")} {Attribute(o.Groups[1].Value, "l")};"));
        var text = new StringBuilder($"# number of core states {orbitals.Count} =  {header} (from {source})\n");
        foreach (Match orbital in orbitals)
        {
            var values = Numbers(orbital.Groups[2].Value);
            if (values.Length != grid.Length) throw new InputError(Path, null, "core orbital and radial grid differ in length: truncated file");
            for (var i = 0; i < grid.Length; i++)
                text.Append(CultureInfo.InvariantCulture, $"{grid[i]:E11} {values[i]:E11}\n");
            text.Append('\n');
        }
        return text.ToString();
    }

    string Section(string tag)
    {
        var m = Regex.Match(Text, $"<{tag}[^>]*>(.*?)</{tag}>", RegexOptions.Singleline);
        return m.Success ? m.Groups[1].Value : throw new InputError(Path, null, $"no <{tag}> section");
    }

    int Attribute(string attributes, string name) =>
        (int)double.Parse(Regex.Match(attributes, $"\\b{name}=\"\\s*([^\"]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);

    static double[] Numbers(string block) =>
        block.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    [GeneratedRegex("z_valence=\"\\s*([^\"]+)\"")]
    private static partial Regex ValenceRegex();

    [GeneratedRegex("<PP_GIPAW_CORE_ORBITAL\\.\\d+([^>]*)>(.*?)</PP_GIPAW_CORE_ORBITAL\\.\\d+>", RegexOptions.Singleline)]
    private static partial Regex CoreOrbitalRegex();
}
