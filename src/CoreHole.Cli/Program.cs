using System.CommandLine;
using CoreHole;
using CoreHole.Cli.Commands;

// HelpName: help says the command people type (./corehole), not the assembly's name.
var root = new RootCommand("CoreHole: learn core-loss spectra (ELNES/XANES) from ground-state DFT.") { HelpName = "corehole" };
// One line per command; each command lives in its own file under Commands/.
root.Subcommands.Add(VersionCommand.Create());
root.Subcommands.Add(InspectCommand.Create());
root.Subcommands.Add(PlotCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(AmorphousCommand.Create());
root.Subcommands.Add(DatasetCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(PredictCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(ReproduceCommand.Create());

// A log file has no width: Spectre's lines are kept whole there rather than wrapped at 80 columns.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 4096;

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InputError e)
{
    Console.Error.WriteLine($"corehole: {e.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("corehole: cancelled; finished work is kept.");
    return 130;
}
