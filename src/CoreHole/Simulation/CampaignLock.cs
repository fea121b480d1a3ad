namespace CoreHole.Simulation;

/// <summary>
/// One campaign process per folder: an exclusive lock on DIR/campaign.lock, which the operating system releases
/// when the holder dies, however it dies.
/// </summary>
public static class CampaignLock
{
    public static IDisposable Take(string folder)
    {
        var path = Path.Combine(folder, "campaign.lock");
        try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException) { throw new InputError(folder, null, "another corehole simulate is running on this campaign folder"); }
    }
}
