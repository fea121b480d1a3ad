namespace CoreHole.Simulation;

/// <summary>One unit of work of a campaign: a stage of a material (ground state, or the core hole of one O site).</summary>
/// <param name="Site">The O site label for a core-hole job; null for the ground state.</param>
/// <param name="Atoms">The cell the job computes: the core-hole supercell, or the primitive cell of the ground state.</param>
/// <param name="Volume">The ground state's cell volume (Å³), which with <paramref name="KPoints"/> sizes its cost.</param>
/// <param name="KPoints">The ground state's irreducible nscf k-points (1 at Γ).</param>
/// <param name="Electrons">The valence electrons of that cell as the engine counts them (semicore shells included): a
/// cell of few atoms can hold many bands, which is what its runs cost. 0 when the campaign was opened without its
/// engine's counts (to read results, not to estimate times).</param>
public sealed record CampaignJob(string Material, string? Site, int Atoms, double Volume = 0, int KPoints = 1, double Electrons = 0)
{
    /// <summary>The ground state's stage, and so its folder under the material's.</summary>
    public const string GroundStateName = "gs";
    /// <summary>The stage (and folder) of the core hole on O site <paramref name="site"/>.</summary>
    public static string CoreHoleName(string site) => $"site_{site}";

    public string Stage => Site is null ? GroundStateName : CoreHoleName(Site);
    public string Id => $"{Material}/{Stage}";
    public bool IsCoreHole => Site is not null;
    public override string ToString() => Id;
}

/// <summary>A finished job with what its run recorded: the cost model's sample.</summary>
public sealed record FinishedJob(CampaignJob Job, StageRecord Record);

/// <summary>
/// Where a job stands, read from its folder: finished (stage.json), failed (failed.json), running in another process
/// (its lock is held), to do, or outdated: finished by a method since replaced (a ground state's tetrahedron DOS), so
/// to do again while its result stays in use until the redo replaces it (<see cref="Campaign.RedoFolder"/>).
/// </summary>
public enum JobState { Pending, Running, Done, Failed, Outdated }
