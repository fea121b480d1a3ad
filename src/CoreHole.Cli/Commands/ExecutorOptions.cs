using System.CommandLine;
using CoreHole.Cluster;
using CoreHole.Training;

namespace CoreHole.Cli.Commands;

/// <summary>
/// <c>--executor local|slurm</c> and the Slurm settings, shared by the heavy commands (<c>simulate</c>,
/// <c>train --search</c> and <c>reproduce</c>) so that all read the same on a cluster.
/// </summary>
/// <param name="follows">The command needs the jobs' results to go on (<c>reproduce</c>): it always follows them, and has no <c>--wait</c>.</param>
sealed class ExecutorOptions(bool follows = false)
{
    public const string Local = "local";
    public const string Slurm = "slurm";

    public Option<string> Executor { get; } = new("--executor")
    {
        Description = "where the jobs run: local (this machine) or slurm (job arrays submitted with sbatch; the output folder must be on a filesystem the compute nodes share)",
        DefaultValueFactory = _ => Local,
    };
    public Option<bool> Wait { get; } = new("--wait") { Description = "with --executor slurm: follow the jobs until they end (default: submit and return; corehole status DIR follows them)" };
    readonly Option<string?> _partition = new("--partition") { Description = "with --executor slurm: the partition (default: the cluster's)" };
    readonly Option<string?> _account = new("--account") { Description = "with --executor slurm: the account charged" };
    readonly Option<string?> _time = new("--time") { Description = "with --executor slurm: time limit per job, Slurm's format (e.g. 2:00:00); default 3x the estimate from measured jobs + 10 min" };
    readonly Option<int?> _cpus = new("--cpus-per-task") { Description = "with --executor slurm: CPUs per process (threads; default 1); a simulate job has --np processes, a search job one" };
    readonly Option<string?> _memory = new("--mem") { Description = "with --executor slurm: memory per job, Slurm's format (e.g. 4G); default 1.5x the measured peak" };
    readonly Option<string?> _setup = new("--setup") { Description = "with --executor slurm: shell lines each job runs first, e.g. 'module load quantum-espresso; export TMPDIR=/scratch/$USER'" };

    IEnumerable<Option> SlurmOnly => follows ? [_partition, _account, _time, _cpus, _memory, _setup] : [Wait, _partition, _account, _time, _cpus, _memory, _setup];

    public void AddTo(Command command)
    {
        command.Options.Add(Executor);
        foreach (var option in SlurmOnly) command.Options.Add(option);
    }

    /// <summary>True for Slurm; an unknown executor, or Slurm settings given to the local one, are errors.</summary>
    public bool IsSlurm(ParseResult parse)
    {
        var executor = parse.GetValue(Executor);
        if (executor is not (Local or Slurm)) throw new InputError($"unknown --executor '{executor}': use {Local} or {Slurm}");
        if (executor == Local && SlurmOnly.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } given)
            throw new InputError($"{given.Name} applies to --executor {Slurm}");
        return executor == Slurm;
    }

    public SlurmOptions SlurmSettings(ParseResult parse)
    {
        if (parse.GetValue(_cpus) is < 1) throw new InputError("--cpus-per-task must be at least 1");
        return new SlurmOptions(parse.GetValue(_partition), parse.GetValue(_account), parse.GetValue(_time), parse.GetValue(_cpus),
            parse.GetValue(_memory), parse.GetValue(_setup));
    }

    /// <summary>Where a search's jobs run: <paramref name="jobs"/> at a time on this machine, or as a Slurm array.</summary>
    public ISearchExecutor SearchExecutor(ParseResult parse, SearchJobRunner runner, int jobs) =>
        IsSlurm(parse) ? new SlurmSearch(runner.Folder, SlurmSettings(parse)) : new LocalSearchExecutor(runner, jobs);

    public static void PrintSubmitted(IReadOnlyList<SlurmSubmission> submitted, string folder)
    {
        if (submitted.Count == 0) Console.WriteLine("nothing to submit: every job is finished or already queued");
        foreach (var s in submitted)
            Console.WriteLine($"submitted {s.Stage}: Slurm job {s.JobId}, {s.Tasks.Count} task{(s.Tasks.Count == 1 ? "" : "s")}");
        Console.WriteLine($"follow it with: corehole status {folder}");
    }
}
