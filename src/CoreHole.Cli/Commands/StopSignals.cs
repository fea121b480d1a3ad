using System.Runtime.InteropServices;

namespace CoreHole.Cli.Commands;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM (kill, a scheduler's time limit) into cancellation, so that a long command kills
/// its child programs, keeps what it finished, and exits on its own instead of being torn down mid-write.
/// </summary>
static class StopSignals
{
    // Held for the life of the process: a collected registration stops handling the signal.
    static readonly List<PosixSignalRegistration> Registrations = [];

    public static CancellationTokenSource Token()
    {
        var source = new CancellationTokenSource();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            Registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                source.Cancel();
            }));
        return source;
    }
}
