namespace CoreHole.Simulation;

/// <summary>One unit of work of a campaign: a stage of a material (ground state, or the core hole of one O site).</summary>
/// <param name="Site">The O site label for a core-hole job; null for the ground state.</param>
public sealed record CampaignJob(string Material, string? Site, int Atoms)
{
    public string Stage => Site is null ? GroundStateStage.Name : CoreHoleStage.NameOf(Site);
    public string Id => $"{Material}/{Stage}";
    public bool IsCoreHole => Site is not null;
    public override string ToString() => Id;
}

/// <summary>
/// Where a job stands, read from its folder: finished (stage.json), failed (failed.json), running in another process
/// (its lock is held), or to do.
/// </summary>
public enum JobState { Pending, Running, Done, Failed }
