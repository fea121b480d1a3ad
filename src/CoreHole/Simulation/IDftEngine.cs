namespace CoreHole.Simulation;

/// <summary>
/// A DFT program suite that computes a campaign's stages. The campaign decides what runs, where and in which order
/// (<see cref="JobRunner"/>, the executors); the engine turns one stage into program runs and the files it keeps.
/// </summary>
public interface IDftEngine
{
    /// <summary>Throws a one-line <see cref="InputError"/> naming what to install when one of the engine's programs is missing.</summary>
    void RequireInstalled();

    /// <summary>Makes what all the campaign's jobs share before any of them runs, so that a broken installation fails once rather than in every job.</summary>
    void Prepare(Campaign campaign);

    /// <summary>
    /// Runs one stage: programs in <see cref="StageRequest.WorkFolder"/>, kept outputs in <see cref="StageRequest.StageFolder"/>.
    /// A program that fails throws <see cref="ProgramFailedException"/>; one stopped from outside, <see cref="ProgramInterruptedException"/>.
    /// </summary>
    StageRecord Run(StageRequest request);

    /// <summary>
    /// The valence electrons the engine treats for an element (its pseudopotential's, semicore shells included), known
    /// before any DFT: what a job's bands, and so its time, grow with (<see cref="CostModel"/>).
    /// </summary>
    double ValenceElectrons(string element);
}

/// <summary>Valence electrons per element, as an engine counts them (<see cref="IDftEngine.ValenceElectrons"/>).</summary>
public delegate double ValenceElectrons(string element);

/// <summary>One stage to compute: the job, its material's plan, the campaign's settings, MPI processes and its two folders.</summary>
/// <param name="WorkFolder">Scratch for the running programs; deleted when the stage finishes.</param>
/// <param name="StageFolder">Where the kept outputs go; <see cref="JobRunner"/> writes stage.json there.</param>
public sealed record StageRequest(
    Campaign Campaign, CampaignJob Job, MaterialPlan Material, int Processes, string WorkFolder, string StageFolder, CancellationToken Cancel);

/// <summary>A program of a stage that stopped on an error; <see cref="Program"/> and <see cref="Reason"/> go into failed.json.</summary>
public class ProgramFailedException(string program, string message, string reason) : Exception(message)
{
    public string Program { get; } = program;
    public string Reason { get; } = reason;
}

/// <summary>
/// A program stopped by a signal from outside CoreHole (a user, a scheduler, a shutdown): an interruption, not a failure
/// of the calculation, so its job stays to do.
/// </summary>
public class ProgramInterruptedException(string message) : Exception(message);
