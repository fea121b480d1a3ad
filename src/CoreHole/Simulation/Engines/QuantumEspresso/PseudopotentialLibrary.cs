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
/// CoreHole (cached in a folder, regenerated when missing) or a UPF that Debian's quantum-espresso package ships.
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
        ["Si"] = new("Si", "Si.pbe-nl-rrkjus_psl.1.0.0.UPF", null),
        ["Ge"] = new("Ge", "Ge.pbe-kjpaw.UPF", null),
    };

    public static IEnumerable<string> Elements => Sources.Keys.Where(k => k != CoreHoleOxygen);

    public string Folder => cacheFolder;

    public Pseudopotential Get(string species)
    {
        if (!Sources.TryGetValue(species, out var source))
            throw new InputError($"no pseudopotential for {species}: CoreHole has {string.Join(", ", Elements)}");
        Directory.CreateDirectory(cacheFolder);
        var path = System.IO.Path.Combine(cacheFolder, source.FileName);
        if (!File.Exists(path))
        {
            if (source.Ld1Input is null) CopyShipped(source.FileName, path);
            else Generate(source.Ld1Input, path);
        }
        var upf = Upf.Read(path);
        return new Pseudopotential(species, source.Element, path, upf.Valence, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
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

    static void CopyShipped(string fileName, string destination)
    {
        var shipped = System.IO.Path.Combine(ShippedFolder, fileName);
        if (!File.Exists(shipped))
            throw new InputError(shipped, null, "missing: it ships with Debian's quantum-espresso package (apt-get install quantum-espresso)");
        Atomic.Copy(shipped, destination);
    }

    void Generate(string ld1Input, string destination)
    {
        var work = Directory.CreateTempSubdirectory("corehole-ld1-").FullName;
        try
        {
            var input = System.IO.Path.Combine(work, ld1Input);
            using (var resource = typeof(PseudopotentialLibrary).Assembly.GetManifestResourceStream($"CoreHole.Simulation.Pseudopotentials.{ld1Input}")
                ?? throw new UnreachableException($"ld1 input {ld1Input} is not embedded"))
            using (var file = File.Create(input))
                resource.CopyTo(file);
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
