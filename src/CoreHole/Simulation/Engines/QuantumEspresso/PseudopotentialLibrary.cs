using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace CoreHole.Simulation.Engines.QuantumEspresso;

/// <summary>A pseudopotential file ready for pw.x: species label, element, file path, valence charge and a content hash for provenance.</summary>
public sealed record Pseudopotential(string Species, string Element, string Path, double Valence, string Sha256)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// The pseudopotentials CoreHole uses, by element: either generated with ld1.x from an input that ships inside
/// CoreHole (cached in a folder, regenerated when missing; most from pslibrary's inputs, see Pseudopotentials/README.md)
/// or a UPF that Debian's quantum-espresso package ships.
/// The core-hole oxygen is the species "Oh".
/// </summary>
public sealed class PseudopotentialLibrary(string cacheFolder, QeProgramRunner runner)
{
    public const string CoreHoleOxygen = "Oh";
    const string ShippedFolder = "/usr/share/espresso/pseudo";

    sealed record Source(string Element, string FileName, string? Ld1Input);

    static readonly Dictionary<string, Source> Sources = new()
    {
        ["O"] = new("O", "O.pbe-rrkjus-gipaw.UPF", "O.ld1.in"),
        [CoreHoleOxygen] = new("O", "O_1s1.pbe-rrkjus-gipaw2pj.UPF", "O_1s1.ld1.in"),
        ["Li"] = new("Li", "Li.pbe-s-rrkjus-seed.UPF", "Li.ld1.in"),
        ["Mg"] = new("Mg", "Mg.pbe-nl-rrkjus-seed.UPF", "Mg.ld1.in"),
        ["Al"] = new("Al", "Al.pbe-n-rrkjus-seed.UPF", "Al.ld1.in"),
        ["Sr"] = new("Sr", "Sr.pbe-spn-rrkjus-corehole.UPF", "Sr.ld1.in"),
        ["Ti"] = new("Ti", "Ti.pbe-spn-rrkjus-corehole.UPF", "Ti.ld1.in"),
        ["Na"] = new("Na", "Na.pbe-spnl-rrkjus_psl.1.0.0.UPF", "Na.ld1.in"),
        ["K"] = new("K", "K.pbe-spn-rrkjus-corehole.UPF", "K.ld1.in"),
        ["Rb"] = new("Rb", "Rb.pbe-spn-rrkjus_psl.1.0.0.UPF", "Rb.ld1.in"),
        ["Ca"] = new("Ca", "Ca.pbe-spn-rrkjus_psl.1.0.0.UPF", "Ca.ld1.in"),
        ["Ba"] = new("Ba", "Ba.pbe-spn-rrkjus-corehole.UPF", "Ba.ld1.in"),
        ["Sc"] = new("Sc", "Sc.pbe-spn-rrkjus_psl.1.0.0.UPF", "Sc.ld1.in"),
        ["Y"] = new("Y", "Y.pbe-spn-rrkjus_psl.1.0.0.UPF", "Y.ld1.in"),
        ["Zr"] = new("Zr", "Zr.pbe-spn-rrkjus_psl.1.0.0.UPF", "Zr.ld1.in"),
        ["Hf"] = new("Hf", "Hf.pbe-spn-rrkjus-corehole.UPF", "Hf.ld1.in"),
        ["Nb"] = new("Nb", "Nb.pbe-spn-rrkjus_psl.1.0.0.UPF", "Nb.ld1.in"),
        ["Ta"] = new("Ta", "Ta.pbe-spn-rrkjus-corehole.UPF", "Ta.ld1.in"),
        ["Mo"] = new("Mo", "Mo.pbe-spn-rrkjus_psl.1.0.0.UPF", "Mo.ld1.in"),
        ["W"] = new("W", "W.pbe-spn-rrkjus_psl.1.0.1.UPF", "W.ld1.in"),
        ["Cd"] = new("Cd", "Cd.pbe-n-rrkjus_psl.1.0.0.UPF", "Cd.ld1.in"),
        ["Sn"] = new("Sn", "Sn.pbe-dn-rrkjus_psl.1.0.0.UPF", "Sn.ld1.in"),
        ["Pb"] = new("Pb", "Pb.pbe-dn-rrkjus_psl.1.0.0.UPF", "Pb.ld1.in"),
        ["Sb"] = new("Sb", "Sb.pbe-n-rrkjus_psl.1.0.0.UPF", "Sb.ld1.in"),
        ["Bi"] = new("Bi", "Bi.pbe-dn-rrkjus_psl.1.0.0.UPF", "Bi.ld1.in"),
        ["Si"] = new("Si", "Si.pbe-nl-rrkjus_psl.1.0.0.UPF", null),
        ["Ge"] = new("Ge", "Ge.pbe-kjpaw.UPF", null),
    };

    public static IEnumerable<string> Elements => Sources.Keys.Where(k => k != CoreHoleOxygen);

    /// <summary>
    /// The valence charge (z_valence) of an element's pseudopotential, known without generating it, so that a campaign
    /// knows its electrons before any DFT (for a cost model that counts semicore shells): a shipped UPF's own, or for an ld1.x input the occupations of its pseudized
    /// states, which ld1.x writes as z_valence (tested against the generated UPF for every element).
    /// </summary>
    public static double Valence(string element) => Valences.GetOrAdd(element, ReadValence);

    /// <summary>Read once per element: the embedded inputs do not change while CoreHole runs.</summary>
    static readonly ConcurrentDictionary<string, double> Valences = new();

    static double ReadValence(string element)
    {
        // Its z_valence (7) also counts the electron missing from its 1s core, which no card holds.
        if (element == CoreHoleOxygen) throw new ArgumentException("the core-hole oxygen is a species, not an element", nameof(element));
        var source = SourceOf(element);
        if (source.Ld1Input is null) return Upf.Read(Shipped(source.FileName)).Valence;
        // The cards after the count line: label, n, l, occupation, energy, rcut, rcutus; unbound or empty states have
        // occupation 0 or below.
        var lines = Ld1InputText(source.Ld1Input).Split('\n');
        var count = Array.FindIndex(lines, l => int.TryParse(l.Trim(), out _));
        return lines.Skip(count + 1).Take(int.Parse(lines[count].Trim()))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], System.Globalization.CultureInfo.InvariantCulture))
            .Where(occupation => occupation > 0).Sum();
    }

    public string Folder => cacheFolder;

    public Pseudopotential Get(string species)
    {
        var source = SourceOf(species);
        Directory.CreateDirectory(cacheFolder);
        var path = System.IO.Path.Combine(cacheFolder, source.FileName);
        if (!File.Exists(path))
        {
            if (source.Ld1Input is null) Atomic.Copy(Shipped(source.FileName), path);
            else Generate(source.Ld1Input, path);
        }
        var upf = Upf.Read(path);
        return new Pseudopotential(species, source.Element, path, upf.Valence, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    static Source SourceOf(string species) => Sources.TryGetValue(species, out var source) ? source
        : throw new InputError($"no pseudopotential for {species}: CoreHole has {string.Join(", ", Elements)}");

    static string Ld1InputText(string ld1Input)
    {
        using var resource = typeof(PseudopotentialLibrary).Assembly.GetManifestResourceStream($"CoreHole.Simulation.Pseudopotentials.{ld1Input}")
            ?? throw new UnreachableException($"ld1 input {ld1Input} is not embedded");
        return new StreamReader(resource).ReadToEnd();
    }

    /// <summary>The 1s core orbital of the core-hole oxygen, in xspectra's <c>filecore</c> format, written beside the pseudopotentials.</summary>
    public string CoreWavefunction()
    {
        var path = System.IO.Path.Combine(cacheFolder, "O.wfc");
        if (!File.Exists(path))
        {
            var upf = Upf.Read(Get(CoreHoleOxygen).Path);
            Atomic.WriteAllText(path, upf.CoreOrbitalFileText(System.IO.Path.GetFileName(Get(CoreHoleOxygen).Path)));
        }
        return path;
    }

    static string Shipped(string fileName)
    {
        var shipped = System.IO.Path.Combine(ShippedFolder, fileName);
        if (!File.Exists(shipped))
            throw new InputError(shipped, null, "missing: it ships with Debian's quantum-espresso package (apt-get install quantum-espresso)");
        return shipped;
    }

    void Generate(string ld1Input, string destination)
    {
        var work = Directory.CreateTempSubdirectory("corehole-ld1-").FullName;
        try
        {
            var input = System.IO.Path.Combine(work, ld1Input);
            File.WriteAllText(input, Ld1InputText(ld1Input));
            var run = new QeRun("ld1.x", work, ld1Input, "ld1.out", Processes: 1, StdinInput: true);
            runner.Run(run);
            var produced = System.IO.Path.Combine(work, System.IO.Path.GetFileName(destination));
            if (!File.Exists(produced))
                throw new QeRunFailedException(run, $"ld1.x did not write {System.IO.Path.GetFileName(destination)}");
            Atomic.Copy(input, destination + ".ld1.in");
            Atomic.Copy(produced, destination);
        }
        finally { Directory.Delete(work, recursive: true); }
    }
}
