using System.CommandLine;
using CoreHole;
using CoreHole.Cli.Commands;

var root = new RootCommand("CoreHole: learn core-loss spectra (ELNES/XANES) from ground-state DFT.");
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
root.Subcommands.Add(ReproduceCommand.Create());

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
