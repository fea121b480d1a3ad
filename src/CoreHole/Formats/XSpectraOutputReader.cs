using System.Text.RegularExpressions;
using CoreHole.Spectra;
using CoreHole.Structures;

namespace CoreHole.Formats;

/// <summary>The Lanczos recursion of one k-point: converged or not, after how many iterations, with what error.</summary>
public sealed record LanczosRun(int KPoint, bool Converged, int Iterations, double Error);

/// <summary>
/// What xspectra.x standard output says (QE 6.7). Energies in eV on pw.x's absolute scale; the spectrum's zero is
/// <see cref="EnergyZero"/> (= ef = ehomo for an insulator scf with fixed occupations).
/// </summary>
public sealed record XSpectraOutput
{
    public required string Path { get; init; }
    public required string QeVersion { get; init; }
    public double? Homo { get; init; }
    /// <summary>Printed only when the core-hole scf had empty bands; otherwise "No LUMO value in SCF calculation".</summary>
    public double? Lumo { get; init; }
    public double? FermiLevel { get; init; }
    public double? EnergyZero { get; init; }
    public Vec3? Polarisation { get; init; }
    /// <summary>"cartesian" or "crystallographic": how <see cref="Polarisation"/> was read (xcoordcrys).</summary>
    public string? PolarisationCoordinates { get; init; }
    public double? XGammaEv { get; init; }
    public IReadOnlyList<LanczosRun> Lanczos { get; init; } = [];
    public bool JobDone { get; init; }
    public string? ErrorText { get; init; }
    public double? WallSeconds { get; init; }

    /// <summary>LUMO above the spectrum's zero: the spectrum threshold on xanes.dat's energy scale.</summary>
    public double? LumoAboveZero => Lumo - (EnergyZero ?? FermiLevel);

    public SpectrumFile Summary() => new()
    {
        Path = Path,
        Format = "xspectra-output",
        Homo = Homo,
        Lumo = Lumo,
        Fermi = FermiLevel,
        Threshold = LumoAboveZero is { } t
            ? new Threshold(t, "core-hole LUMO above the spectrum's zero (elumo - ef)")
            : null,
        NoThresholdReason = LumoAboveZero is not null ? null
            : JobDone ? "no LUMO printed: the core-hole scf had no empty bands (nbnd at the occupied count)"
            : "the run stopped before the end (no END JOB) and printed no LUMO",
        Facts =
        [
            new("QE version", QeVersion),
            new("spectrum zero", EnergyZero is { } z ? $"{z} eV" : "not printed"),
            new("LUMO", Lumo is null ? "not printed (the scf had no empty bands): use the spectrum's onset" : $"{Lumo} eV"),
            new("polarisation", Polarisation is { } p ? $"{p} ({PolarisationCoordinates} coordinates)" : "not printed"),
            new("xgamma", XGammaEv is { } g ? $"{g} eV" : "not printed"),
            new("Lanczos", Lanczos.Count == 0 ? "not run"
                : $"{Lanczos.Count(l => l.Converged)} of {Lanczos.Count} k-points converged, " +
                  $"up to {Lanczos.Max(l => l.Iterations)} iterations, error up to {Lanczos.Max(l => l.Error):0.#####}"),
            new("job", JobDone ? "done" : ErrorText ?? "did not finish"),
        ],
    };
}

/// <summary>Reads xspectra.x standard output; the same one-pass, pattern-per-line scheme as <see cref="PwOutputReader"/>.</summary>
public static partial class XSpectraOutputReader
{
    public static XSpectraOutput Read(string path)
    {
        var (file, banner, version) = QeStdout.Open(path, "XSpectra", "xspectra.x");
        double? homo = null, lumo = null, ef = null, zero = null, gamma = null, wall = null, lastError = null;
        Vec3? polarisation = null;
        string? coordinates = null;
        var lanczos = new List<LanczosRun>();
        var done = false;
        for (var i = banner + 1; i < file.Lines.Length; i++)
        {
            var line = file.Lines[i];
            Match m;
            double Number(int group, string what) => file.ParseDouble(m.Groups[group].Value, i, what);
            if ((m = Polarisation().Match(line)).Success)
            {
                coordinates = m.Groups[1].Value;
                var v = file.ParseGluedNumbers(m.Groups[2].Value, i, "xepsilon");
                polarisation = v.Length == 3 ? new Vec3(v[0], v[1], v[2]) : throw file.ErrorAt(i, "xepsilon: expected 3 numbers");
            }
            else if ((m = Level().Match(line)).Success)
            {
                var value = Number(2, m.Groups[1].Value);
                switch (m.Groups[1].Value) { case "ehomo": homo = value; break; case "elumo": lumo = value; break; default: ef = value; break; }
            }
            else if ((m = EnergyZero().Match(line)).Success) zero = Number(1, "energy zero");
            else if ((m = XGamma().Match(line)).Success) gamma = Number(1, "xgamma");
            else if ((m = IterationError().Match(line)).Success) lastError = Number(1, "Lanczos error");
            else if ((m = Converged().Match(line)).Success)
                lanczos.Add(new LanczosRun(lanczos.Count + 1, true, file.ParseInt(m.Groups[1].Value, i, "iterations"), Number(2, "Lanczos error")));
            else if ((m = NotConverged().Match(line)).Success)
                lanczos.Add(new LanczosRun(lanczos.Count + 1, false, file.ParseInt(m.Groups[1].Value, i, "iterations"), lastError ?? double.NaN));
            else if ((m = Wall().Match(line)).Success) wall = QeStdout.Seconds(m.Groups[1].Value) ?? throw file.ErrorAt(i, $"unreadable wall time '{m.Groups[1].Value}'");
            else if (line.Contains("END JOB XSpectra", StringComparison.Ordinal)) done = true;
        }
        return new XSpectraOutput
        {
            Path = path,
            QeVersion = version,
            Homo = homo,
            Lumo = lumo,
            FermiLevel = ef,
            EnergyZero = zero,
            Polarisation = polarisation,
            PolarisationCoordinates = coordinates,
            XGammaEv = gamma,
            Lanczos = lanczos,
            JobDone = done,
            ErrorText = QeStdout.ErrorText(file),
            WallSeconds = wall,
        };
    }

    [GeneratedRegex(@"xepsilon\s+\[(\w+) coordinates\]:(.*)")] private static partial Regex Polarisation();
    [GeneratedRegex(@"^\s*(ehomo|elumo|ef)\s+\[eV\]:\s*(\S+)")] private static partial Regex Level();
    [GeneratedRegex(@"energy-zero of the spectrum \[eV\]:\s*(\S+)")] private static partial Regex EnergyZero();
    [GeneratedRegex(@"using xgamma \[eV\]:\s*(\S+)")] private static partial Regex XGamma();
    [GeneratedRegex(@"Estimated error at iter\s+\d+:\s*(\S+)")] private static partial Regex IterationError();
    [GeneratedRegex(@"=> CONVERGED at iter\s+(\d+) with error=\s*(\S+)")] private static partial Regex Converged();
    [GeneratedRegex(@"XANES not converged after\s+(\d+) iterations")] private static partial Regex NotConverged();
    [GeneratedRegex(@"^\s*xanes\s*:.*CPU\s+(.+?)\s*WALL")] private static partial Regex Wall();
}
