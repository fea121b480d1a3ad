using System.CommandLine;
using System.Reflection;

namespace CoreHole.Cli.Commands;

static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the CoreHole version.");
        command.SetAction(_ =>
        {
            Console.WriteLine(typeof(InputError).Assembly.GetName().Version);
            return 0;
        });
        return command;
    }
}
