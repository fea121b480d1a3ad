namespace CoreHole.Cluster;

/// <summary>
/// One stage of a workflow, submitted as one Slurm job array: a task per id in <paramref name="Tasks"/>, each running
/// <paramref name="Command"/> with the shell variable <c>$task</c> set to its id; it starts once the stages named in
/// <paramref name="After"/> have all ended well (<c>--dependency=afterok</c>).
/// </summary>
public sealed record SlurmStage(string Name, IReadOnlyList<string> Tasks, string Command, SlurmResources Resources, IReadOnlyList<string> After)
{
    /// <summary>The batch script: resources, one log per task, the task id read from its line of the task list.</summary>
    public string Script(string taskList, string logFolder, SlurmOptions options)
    {
        var lines = new List<string>
        {
            "#!/bin/bash",
            $"#SBATCH --job-name=corehole-{Name}",
            $"#SBATCH --array=0-{Tasks.Count - 1}",
            $"#SBATCH --output={Path.Combine(logFolder, Name + "-%A_%a.log")}",
        };
        lines.AddRange(Resources.Directives(options).Select(d => $"#SBATCH {d}"));
        lines.Add("# Written by CoreHole: one task per line of the task list; the folder's files are the state, so a task");
        lines.Add("# that finds its job already finished does nothing.");
        lines.Add("set -eo pipefail");
        lines.Add($"task=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" {Shell.Quote(taskList)})");
        lines.Add($"echo \"corehole {Name} task $task on $(hostname) at $(date -Is)\"");
        if (options.Setup is { } setup) lines.Add(setup);
        lines.Add(Command);
        return string.Join('\n', lines) + "\n";
    }
}

/// <summary>Bash quoting, and the command that runs this very CoreHole (the same build) inside a cluster job.</summary>
public static class Shell
{
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";

    /// <summary><c>dotnet /path/CoreHole.Cli.dll</c> (or the app host): the folder must be visible from the compute nodes, as a cluster home is.</summary>
    public static string CoreHoleCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" && entry is { Length: > 0 } ? $"{Quote(host)} {Quote(entry)}" : Quote(host);
    }
}
