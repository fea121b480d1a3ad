using System.Diagnostics;

namespace CoreHole.Cluster;

/// <summary>
/// How one array task stands in Slurm: its id there (e.g. <c>812_3</c>), state (PENDING, RUNNING, COMPLETED, FAILED,
/// TIMEOUT, ...), exit code once ended, and why a pending task waits.
/// </summary>
public sealed record SlurmTaskState(string SlurmId, string State, string ExitCode, string Reason = "")
{
    static readonly HashSet<string> Live = ["PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "RESIZING", "SUSPENDED", "STAGE_OUT", "SIGNALING"];

    /// <summary>Queued or running: submitting it again would run it twice.</summary>
    public bool InFlight => Live.Contains(State);

    /// <summary>Waiting for a stage that ended badly: it will never start (unless the cluster cancels such jobs itself).</summary>
    public bool NeverStarts => State == "PENDING" && Reason == "DependencyNeverSatisfied";
}

/// <summary>
/// Slurm's own commands, run as a user types them: <c>sbatch</c> submits, <c>squeue</c> says what is queued or running,
/// <c>sacct</c> how it ended (or <c>scontrol</c>, for recently ended jobs, on clusters without accounting).
/// </summary>
public static class Slurm
{
    /// <summary>Submits a batch script; returns the job id.</summary>
    public static string Submit(string script, IReadOnlyCollection<string> afterOk)
    {
        var arguments = new List<string> { "--parsable" };
        if (afterOk.Count > 0) arguments.Add($"--dependency=afterok:{string.Join(':', afterOk)}");
        arguments.Add(script);
        var output = Run("sbatch", arguments).Trim();
        // --parsable prints "id" or "id;cluster".
        var id = output.Split(';')[0];
        return id.Length > 0 && id.All(char.IsAsciiDigit) ? id : throw new InputError(script, null, $"sbatch answered '{output}' instead of a job id");
    }

    /// <summary>Cancels whole jobs (every task of an array).</summary>
    public static void Cancel(IReadOnlyCollection<string> jobIds)
    {
        if (jobIds.Count > 0) Run("scancel", [.. jobIds]);
    }

    /// <summary>The state of every task of the given array jobs that Slurm still knows, by Slurm task id (<c>812_3</c>).</summary>
    public static IReadOnlyDictionary<string, SlurmTaskState> States(IReadOnlyCollection<string> jobIds)
    {
        var states = new Dictionary<string, SlurmTaskState>();
        if (jobIds.Count == 0) return states;
        foreach (var s in Ended(jobIds)) states[s.SlurmId] = s;
        foreach (var s in Queued(jobIds)) states[s.SlurmId] = s; // the live view wins over accounting lagging behind
        return states;
    }

    /// <summary>Queued and running tasks, one line per array element (<c>squeue -r</c>).</summary>
    static IEnumerable<SlurmTaskState> Queued(IReadOnlyCollection<string> jobIds)
    {
        // squeue -j fails outright when one id has left the controller's memory: list the user's jobs and filter instead.
        var lines = Run("squeue", ["--me", "-h", "-r", "-o", "%i|%T|%r"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            var fields = line.Split('|');
            if (fields.Length == 3 && jobIds.Contains(ArrayJobOf(fields[0]))) yield return new SlurmTaskState(fields[0], fields[1].Trim(), "", fields[2].Trim());
        }
    }

    /// <summary>How tasks ended: <c>sacct</c>; where accounting is off, <c>scontrol</c> (which forgets jobs after MinJobAge).</summary>
    static IEnumerable<SlurmTaskState> Ended(IReadOnlyCollection<string> jobIds)
    {
        var (code, output, _) = TryRun("sacct", ["-X", "-n", "-P", "-o", "JobID,State,ExitCode", "-j", string.Join(',', jobIds)]);
        if (code == 0)
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|'))
                // "CANCELLED by 0" is CANCELLED; tasks that never started are listed together, as "812_[4-9,12]".
                .Where(f => f.Length == 3)
                .SelectMany(f => Expand(f[0]).Select(id => new SlurmTaskState(id, f[1].Split(' ')[0], f[2]))).ToList();
        var ended = new List<SlurmTaskState>();
        foreach (var id in jobIds)
        {
            var (ok, text, _) = TryRun("scontrol", ["-o", "show", "job", id]);
            if (ok != 0) continue;
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split(' ').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
                if (fields.TryGetValue("ArrayJobId", out var array) && fields.TryGetValue("ArrayTaskId", out var task) && !task.Contains('-')
                    && fields.TryGetValue("JobState", out var state))
                    ended.Add(new SlurmTaskState($"{array}_{task}", state, fields.GetValueOrDefault("ExitCode", "")));
            }
        }
        return ended;
    }

    /// <summary>"812_3" stays itself; "812_[0-2,5%4]" (ranges, a throttle after %) becomes 812_0, 812_1, 812_2, 812_5.</summary>
    public static IEnumerable<string> Expand(string slurmId)
    {
        var open = slurmId.IndexOf("_[", StringComparison.Ordinal);
        if (open < 0 || !slurmId.EndsWith(']')) return [slurmId];
        var job = slurmId[..open];
        var list = slurmId[(open + 2)..^1].Split('%')[0];
        return list.Split(',', StringSplitOptions.RemoveEmptyEntries).SelectMany(range =>
        {
            var ends = range.Split('-');
            int first = int.Parse(ends[0]), last = int.Parse(ends[^1]);
            return Enumerable.Range(first, last - first + 1).Select(i => $"{job}_{i}");
        });
    }

    static string ArrayJobOf(string slurmId) => slurmId.Split('_')[0];

    static string Run(string program, IReadOnlyList<string> arguments)
    {
        var (code, output, error) = TryRun(program, arguments);
        return code == 0 ? output : throw new InputError($"{program} {string.Join(' ', arguments)} failed: {error.Trim().ReplaceLineEndings(" ")}");
    }

    static (int Code, string Output, string Error) TryRun(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InputError($"{program} not found: this machine is not a Slurm submit host (load the cluster's slurm module; " +
                "for a one-node cluster on this machine: sudo bash scripts/slurm-local.sh start)");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
    }
}
