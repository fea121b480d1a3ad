namespace CoreHole.Cli.Commands;

/// <summary>
/// Reports on the caller's thread, in order. <see cref="Progress{T}"/> posts each report to the thread pool instead:
/// lines can come out of order, and the last ones are lost when the command exits right after its work ends (a
/// campaign whose last job was stopped from outside then printed nothing about it).
/// </summary>
sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
