using System.Text.Json;
using System.Text.Json.Serialization;
using CoreHole.Formats;
using CoreHole.Structures;
using CoreHole.Simulation;

namespace CoreHole.Amorphous;

/// <summary>What the LAMMPS run of a cell was and left: command, version, wall time, and the relaxed glass's pressure (GPa) and energy (eV/atom).</summary>
public sealed record LammpsSummary(string Command, string Version, double WallSeconds, double PressureGpa, double EnergyEvPerAtom)
{
    /// <summary>Reads the final pressure and energy from the <see cref="MeltQuenchScript.FinalMarker"/> line of the run's screen output.</summary>
    public static LammpsSummary Of(LammpsRunRecord run, string screenOutput)
    {
        var file = TextFile.Load(screenOutput);
        var index = file.Find(MeltQuenchScript.FinalMarker);
        if (index < 0) throw file.Error($"no '{MeltQuenchScript.FinalMarker}' line: the melt-quench script did not reach its end");
        var f = TextFile.Fields(file.Lines[index]);
        if (f.Length < 5) throw file.ErrorAt(index, $"'{file.Lines[index]}' is not '{MeltQuenchScript.FinalMarker} pressure_bar P energy_ev_per_atom E'");
        const double GpaPerBar = 1e-4;
        return new LammpsSummary(run.Command, run.Version, run.WallSeconds,
            file.ParseDouble(f[2], index, "pressure") * GpaPerBar, file.ParseDouble(f[4], index, "energy"));
    }
}

/// <summary>
/// <c>&lt;cell&gt;.json</c>: one amorphous cell's provenance (seed, protocol, potential, LAMMPS run) and its checks
/// (structure, criteria, the criteria it misses). A cell with no problems is a sound glass and gets its CIF.
/// </summary>
public sealed record AmorphousCell(
    string Name,
    int Seed,
    int Atoms,
    MeltQuenchProtocol Protocol,
    SilicaPotential Potential,
    LammpsSummary Lammps,
    SilicaStructure Structure,
    GlassCriteria Criteria,
    IReadOnlyList<string> Problems,
    string Host,
    DateTimeOffset Made)
{
    public bool Sound => Problems.Count == 0;

    // A structure without Si-Si pairs or bond angles has infinite or NaN entries; JSON has no numbers for them.
    static readonly JsonSerializerOptions Options = new(PlanFile.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public void Write(string path) => Atomic.WriteAllText(path, JsonSerializer.Serialize(this, Options));

    public static AmorphousCell Read(string path)
    {
        try { return JsonSerializer.Deserialize<AmorphousCell>(File.ReadAllText(path), Options) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable cell record: {e.Message}"); }
    }
}
