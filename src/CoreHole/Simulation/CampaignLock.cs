namespace CoreHole.Simulation;

/// <summary>
/// Several processes may work on one campaign folder (one per core, or per machine sharing it): each job is claimed
/// by an exclusive lock on DIR/MATERIAL/STAGE.lock, held while it runs and released by the operating system when the
/// holder dies, however it dies. The lock file stays (deleting it would let two processes lock two different files of
/// one name); the campaign's .gitignore leaves it out.
/// </summary>
public static class CampaignLock
{
    public static string PathOf(string stageFolder) => stageFolder.TrimEnd(Path.DirectorySeparatorChar) + ".lock";

    /// <summary>
    /// The claim on a job, or null when another process holds it. <see cref="IsHeld"/> probes by taking the lock for an
    /// instant, so a claim tries a few times before it concludes the job is taken: a job runs for minutes.
    /// </summary>
    public static IDisposable? TryClaim(string stageFolder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stageFolder))!);
        for (var attempt = 1; ; attempt++)
        {
            if (TryLock(stageFolder) is { } claim) return claim;
            if (attempt == 3) return null;
            Thread.Sleep(50);
        }
    }

    /// <summary>Whether another process holds the job now.</summary>
    public static bool IsHeld(string stageFolder)
    {
        if (!File.Exists(PathOf(stageFolder))) return false;
        using var probe = TryLock(stageFolder);
        return probe is null;
    }

    static FileStream? TryLock(string stageFolder)
    {
        try { return new FileStream(PathOf(stageFolder), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException) { return null; }
    }
}
