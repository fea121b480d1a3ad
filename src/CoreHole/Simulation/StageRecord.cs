using System.Text.Json;

namespace CoreHole.Simulation;

/// <summary>
/// <c>stage.json</c>, written last and atomically when a stage has finished: its presence is what "done" means.
/// Provenance: code and version, settings, each program run with its command, wall time and peak memory, and the
/// stage's key results (band edges, HOMO/LUMO).
/// </summary>
public sealed record StageRecord(
    string Material,
    string Stage,
    string QeVersion,
    string Preset,
    Preset Settings,
    int Processes,
    string Host,
    DateTimeOffset Finished,
    double WallSeconds,
    IReadOnlyList<ProgramRunRecord> Runs,
    IReadOnlyDictionary<string, double> Results,
    IReadOnlyDictionary<string, string> Pseudopotentials)
{
    public const string FileName = "stage.json";

    public long MaxRssBytes => Runs.Count == 0 ? 0 : Runs.Max(r => r.MaxRssBytes);

    public void Write(string folder) =>
        Atomic.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, PlanFile.Options));

    public static StageRecord? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<StageRecord>(File.ReadAllText(path), PlanFile.Options); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable stage record: {e.Message}"); }
    }
}

/// <summary>What a finished run measured: wall time, the peak resident memory of its largest process, the command line.</summary>
public sealed record ProgramRunRecord(string Program, string Command, double WallSeconds, long MaxRssBytes, string OutputPath);

/// <summary><c>failed.json</c>: a stage whose DFT run failed, with the program's own error text; the campaign goes on with other jobs.</summary>
public sealed record StageFailure(string Material, string Stage, string Program, string Reason, DateTimeOffset When)
{
    public const string FileName = "failed.json";

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        Atomic.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, PlanFile.Options));
    }

    public static StageFailure? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<StageFailure>(File.ReadAllText(path), PlanFile.Options) : null;
    }
}
