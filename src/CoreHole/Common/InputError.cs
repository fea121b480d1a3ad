namespace CoreHole.Common;

/// <summary>
/// A problem with something the user gave us (a file, a value, a missing program): reported as one line
/// naming the file, the line where known, and the problem; never as a stack trace.
/// </summary>
public sealed class InputError : Exception
{
    public string? File { get; }
    public int? Line { get; }
    public string Problem { get; }

    public InputError(string? file, int? line, string problem, Exception? inner = null)
        : base(Format(file, line, problem), inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public InputError(string problem) : this(null, null, problem) { }

    static string Format(string? file, int? line, string problem) =>
        (file, line) switch
        {
            (null, _) => problem,
            (_, null) => $"{file}: {problem}",
            _ => $"{file}:{line}: {problem}",
        };
}
