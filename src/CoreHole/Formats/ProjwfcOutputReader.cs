using System.Globalization;
using System.Text.RegularExpressions;

namespace CoreHole.Formats;

/// <summary>One atomic state projwfc.x projects on: "state #  11: atom   2 (O  ), wfc  2 (l=1 m= 1)".</summary>
public sealed record ProjectedState(int State, int Atom, string Species, int Wfc, int L);

/// <summary>What projwfc.x standard output says (QE 6.7): the state table, Lowdin charges, spilling.</summary>
public sealed record ProjwfcOutput
{
    public required string Path { get; init; }
    public required string QeVersion { get; init; }
    /// <summary>The atomic states, in projwfc's numbering: which atom (1-based, as in pw.x) each belongs to.</summary>
    public IReadOnlyList<ProjectedState> States { get; init; } = [];
    /// <summary>Total Lowdin charge per atom (1-based atom number).</summary>
    public IReadOnlyDictionary<int, double> LowdinCharges { get; init; } = new Dictionary<int, double>();
    /// <summary>How much of the Kohn-Sham states the atomic basis misses (the pilot: 0.0126).</summary>
    public double? Spilling { get; init; }
    public bool JobDone { get; init; }
    public string? ErrorText { get; init; }

    public SpectrumFile Summary() => new()
    {
        Path = Path,
        Format = "projwfc-output",
        Sites = $"{States.Select(s => s.Atom).Distinct().Count()} atoms",
        Facts =
        [
            new("QE version", QeVersion),
            new("states", $"{States.Count} atomic states"),
            new("spilling", Spilling?.ToString(CultureInfo.InvariantCulture) ?? "not printed"),
            new("Lowdin charges", string.Join(", ", LowdinCharges.Select(c => $"atom {c.Key}: {c.Value:0.####}"))),
            new("job", JobDone ? "done" : ErrorText ?? "did not finish"),
        ],
    };
}

public static partial class ProjwfcOutputReader
{
    public static ProjwfcOutput Read(string path)
    {
        var (file, banner, version) = QeStdout.Open(path, "PROJWFC", "projwfc.x");
        var states = new List<ProjectedState>();
        var charges = new Dictionary<int, double>();
        double? spilling = null;
        var done = false;
        for (var i = banner + 1; i < file.Lines.Length; i++)
        {
            var line = file.Lines[i];
            Match m;
            if ((m = State().Match(line)).Success)
                states.Add(new ProjectedState(Int(1), Int(2), m.Groups[3].Value, Int(4), Int(5)));
            else if ((m = Charge().Match(line)).Success)
                charges[Int(1)] = file.ParseDouble(m.Groups[2].Value, i, "Lowdin charge");   // repeated once per l: same total
            else if ((m = Spilling().Match(line)).Success) spilling = file.ParseDouble(m.Groups[1].Value, i, "spilling parameter");
            else if (line.Contains("JOB DONE.", StringComparison.Ordinal)) done = true;
            int Int(int group) => file.ParseInt(m.Groups[group].Value, i, "state table");
        }
        return new ProjwfcOutput
        {
            Path = path,
            QeVersion = version,
            States = states,
            LowdinCharges = charges,
            Spilling = spilling,
            JobDone = done,
            ErrorText = QeStdout.ErrorText(file),
        };
    }

    [GeneratedRegex(@"state #\s*(\d+): atom\s+(\d+) \((\S+)\s*\), wfc\s+(\d+) \(l=\s*(\d+)")] private static partial Regex State();
    [GeneratedRegex(@"Atom #\s*(\d+): total charge =\s*(\S+),")] private static partial Regex Charge();
    [GeneratedRegex(@"Spilling Parameter:\s*(\S+)")] private static partial Regex Spilling();
}
