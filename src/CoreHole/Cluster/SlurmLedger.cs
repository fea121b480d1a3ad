using System.Text.Json;

namespace CoreHole.Cluster;

/// <summary>One array job submitted: the stage, Slurm's job id, and our task ids in array order.</summary>
public sealed record SlurmSubmission(string Stage, string JobId, IReadOnlyList<string> Tasks, DateTimeOffset Submitted);

/// <summary>Where one of our tasks stands in its latest submission: Slurm's view (null once Slurm has forgotten it) and its log.</summary>
public sealed record SlurmTaskStatus(string Task, string Stage, string SlurmId, SlurmTaskState? State, string LogPath)
{
    public bool InFlight => State?.InFlight == true;

    /// <summary>The last lines the task printed (CoreHole's one-line error, or the code's own), for failure reports.</summary>
    public string LogTail(int lines = 3)
    {
        if (!File.Exists(LogPath)) return "(no log)";
        var text = File.ReadAllLines(LogPath).Where(l => l.Trim().Length > 0).TakeLast(lines).Select(l => l.Trim());
        return string.Join(" | ", text);
    }
}

/// <summary>
/// What a folder has submitted to Slurm, kept in the folder itself (<c>.slurm/</c>: submissions.json, the scripts, the
/// task lists, one log per task) so that the state of a campaign or search stays in its folder: a re-run reads it to
/// submit only what is neither finished nor queued, and <c>corehole status</c> reads it to ask Slurm how tasks went.
/// </summary>
public sealed class SlurmLedger(string folder)
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(folder), ".slurm");
    string LedgerFile => Path.Combine(Folder, "submissions.json");
    string LogFolder => Path.Combine(Folder, "logs");

    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, ".slurm", "submissions.json"));

    public IReadOnlyList<SlurmSubmission> Submissions() =>
        File.Exists(LedgerFile) ? JsonSerializer.Deserialize<List<SlurmSubmission>>(File.ReadAllText(LedgerFile)) ?? [] : [];

    /// <summary>
    /// Submits the stages with tasks, in order, each after the stages it names: those submitted in this same call and
    /// earlier submissions of them still queued or running in <paramref name="current"/> (the caller's <see cref="Tasks"/>).
    /// </summary>
    public IReadOnlyList<SlurmSubmission> Submit(IEnumerable<SlurmStage> stages, SlurmOptions options, IReadOnlyList<SlurmTaskStatus> current)
    {
        Directory.CreateDirectory(LogFolder);
        var queued = current.Where(t => t.InFlight).Select(t => (t.Stage, JobId: t.SlurmId.Split('_')[0])).Distinct().ToList();
        var submitted = new List<SlurmSubmission>();
        foreach (var stage in stages.Where(s => s.Tasks.Count > 0))
        {
            var name = $"{stage.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}";
            var taskList = Path.Combine(Folder, name + ".tasks");
            var script = Path.Combine(Folder, name + ".sh");
            File.WriteAllLines(taskList, stage.Tasks);
            File.WriteAllText(script, stage.Script(taskList, LogFolder, options));
            var after = submitted.Select(s => (s.Stage, s.JobId)).Concat(queued).Where(s => stage.After.Contains(s.Stage)).Select(s => s.JobId).Distinct().ToList();
            var submission = new SlurmSubmission(stage.Name, Slurm.Submit(script, after), stage.Tasks, DateTimeOffset.UtcNow);
            submitted.Add(submission);
            // Recorded at once: a command killed between two submissions must still know the first one is queued.
            Atomic.WriteAllText(LedgerFile, JsonSerializer.Serialize(Submissions().Append(submission), new JsonSerializerOptions { WriteIndented = true }));
        }
        return submitted;
    }

    /// <summary>
    /// Cancels the tasks waiting for a stage that ended badly (they would wait forever) and returns them; the tasks
    /// that ended badly say why in <c>corehole status</c>.
    /// </summary>
    public IReadOnlyList<SlurmTaskStatus> CancelThoseThatNeverStart(IReadOnlyList<SlurmTaskStatus> tasks)
    {
        var stuck = tasks.Where(t => t.State?.NeverStarts == true).ToList();
        Slurm.Cancel([.. stuck.Select(t => t.SlurmId.Split('_')[0]).Distinct()]);
        return stuck;
    }

    /// <summary>Each task of every submission, as of its latest submission, with Slurm's current view of it.</summary>
    public IReadOnlyList<SlurmTaskStatus> Tasks()
    {
        var submissions = Submissions();
        var states = Slurm.States(submissions.Select(s => s.JobId).ToList());
        var latest = new Dictionary<string, SlurmTaskStatus>();
        foreach (var s in submissions)
            for (var i = 0; i < s.Tasks.Count; i++)
            {
                var slurmId = $"{s.JobId}_{i}";
                latest[s.Tasks[i]] = new SlurmTaskStatus(s.Tasks[i], s.Stage, slurmId, states.GetValueOrDefault(slurmId),
                    Path.Combine(LogFolder, $"{s.Stage}-{slurmId}.log"));
            }
        return [.. latest.Values];
    }
}
