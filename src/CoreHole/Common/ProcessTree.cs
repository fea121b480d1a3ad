namespace CoreHole.Common;

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

    /// <summary>
    /// Kills a process and all its descendants. The family is listed before anything is killed: once mpirun dies its
    /// ranks are re-parented and could no longer be found from it.
    /// </summary>
    public static void KillTree(int root)
    {
        var family = Descendants(root);
        family.Add(root);
        foreach (var pid in family)
        {
            try { System.Diagnostics.Process.GetProcessById(pid).Kill(); }
            catch (ArgumentException) { } // already gone
            catch (InvalidOperationException) { }
        }
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }
}
