using System.Globalization;

namespace CoreHole.Cluster;

/// <summary>
/// What a user may impose on every job CoreHole submits (null: CoreHole's estimate, or the cluster's default), plus
/// shell lines each job runs first (<c>module load quantum-espresso</c>, a scratch folder...).
/// </summary>
public sealed record SlurmOptions(string? Partition = null, string? Account = null, string? Time = null, int? CpusPerTask = null,
    string? Memory = null, string? Setup = null);

/// <summary>
/// The resources of one array task: MPI processes (Slurm tasks, on one node, so that <c>mpirun</c> inside the
/// allocation finds a slot for each), CPUs per process, memory, time limit; partition and account when given.
/// </summary>
public sealed record SlurmResources(int Processes, int MemoryMb, TimeSpan Time, int CpusPerProcess = 1, string? Partition = null, string? Account = null)
{
    /// <summary>A time limit with room over an estimate: 3x, plus 10 minutes for queue-side start-up and slow nodes, in whole minutes.</summary>
    public static TimeSpan Generous(double estimatedSeconds) => TimeSpan.FromMinutes(Math.Ceiling(3 * estimatedSeconds / 60 + 10));

    /// <summary>Memory with room over a measured peak: 1.5x, at least 500 MB.</summary>
    public static int GenerousMemoryMb(double measuredBytes) => Math.Max(500, (int)Math.Ceiling(1.5 * measuredBytes / 1e6 / 100) * 100);

    /// <summary>The #SBATCH lines: the user's options where given, these estimates otherwise.</summary>
    public IEnumerable<string> Directives(SlurmOptions options)
    {
        yield return "--nodes=1";
        yield return $"--ntasks={Processes}";
        yield return $"--cpus-per-task={options.CpusPerTask ?? CpusPerProcess}";
        yield return $"--mem={options.Memory ?? $"{MemoryMb}M"}";
        yield return $"--time={options.Time ?? SlurmTime(Time)}";
        if ((options.Partition ?? Partition) is { } partition) yield return $"--partition={partition}";
        if ((options.Account ?? Account) is { } account) yield return $"--account={account}";
    }

    /// <summary>Slurm's days-hours:minutes:seconds.</summary>
    public static string SlurmTime(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalDays}-{time.Hours:D2}:{time.Minutes:D2}:{time.Seconds:D2}");
}
