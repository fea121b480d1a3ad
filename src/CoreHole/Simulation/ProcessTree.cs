namespace CoreHole.Simulation;

/// <summary>Reads /proc to measure a process and its descendants (mpirun's ranks): the peak memory a DFT run needs.</summary>
static class ProcessTree
{
    /// <summary>The largest resident set (bytes) among <paramref name="root"/> and its descendants, now.</summary>
    public static long LargestRss(int root)
    {
        var family = Descendants(root);
        family.Add(root);
        long largest = 0;
        foreach (var pid in family)
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                    if (line.StartsWith("VmRSS:"))
                        largest = Math.Max(largest, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024);
            }
            catch (IOException) { } // the process ended between listing and reading
            catch (UnauthorizedAccessException) { }
        }
        return largest;
    }

    public static HashSet<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Field 4 is the parent pid; the command name (field 2) may contain spaces, so split after its ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        var result = new HashSet<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var p = frontier.Dequeue();
            foreach (var (child, parent) in parents)
                if (parent == p && result.Add(child)) frontier.Enqueue(child);
        }
        return result;
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }
}

/// <summary>
/// Kills tracked child processes when CoreHole itself is asked to stop (SIGTERM, SIGINT) or exits, so no DFT run
/// is left computing for nobody. A SIGKILL cannot be caught: the pid file of each run covers that case.
/// </summary>
static class ChildReaper
{
    static readonly HashSet<System.Diagnostics.Process> Running = [];
    static readonly object Gate = new();
    static bool _installed;

    public static IDisposable Track(System.Diagnostics.Process process)
    {
        lock (Gate)
        {
            if (!_installed)
            {
                _installed = true;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
                System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => KillAll());
                System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, _ => KillAll());
            }
            Running.Add(process);
        }
        return new Untrack(process);
    }

    static void KillAll()
    {
        lock (Gate)
            foreach (var p in Running)
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    sealed class Untrack(System.Diagnostics.Process process) : IDisposable
    {
        public void Dispose() { lock (Gate) Running.Remove(process); }
    }
}
