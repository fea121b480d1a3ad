namespace CoreHole.Tests.Formats;

/// <summary>Paths to the copied real outputs in tests/CoreHole.Tests/data (see data/README.md), and scratch files.</summary>
internal static class TestData
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "data", relative);

    /// <summary>Writes <paramref name="text"/> to a fresh file named <paramref name="name"/> in its own temp folder.</summary>
    public static string Write(string name, string text)
    {
        var dir = Directory.CreateTempSubdirectory("corehole-test-").FullName;
        var path = System.IO.Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A real file with one edit applied, written under the same name in a temp folder.</summary>
    public static string Edited(string relative, Func<string, string> edit) =>
        Write(System.IO.Path.GetFileName(relative), edit(File.ReadAllText(Path(relative))));

    /// <summary>The first <paramref name="lines"/> lines of a real file, as a truncated copy.</summary>
    public static string Truncated(string relative, int lines) =>
        Write(System.IO.Path.GetFileName(relative), string.Join('\n', File.ReadLines(Path(relative)).Take(lines)));

    /// <summary>A real file with the first occurrence of <paramref name="what"/> replaced (it must occur).</summary>
    public static string WithReplaced(string relative, string what, string with) =>
        Edited(relative, text =>
        {
            var at = text.IndexOf(what, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{what}' is not in {relative}");
            return text[..at] + with + text[(at + what.Length)..];
        });

    /// <summary>Asserts an <see cref="InputError"/> naming <paramref name="path"/>, the line (when given) and a phrase of the problem.</summary>
    public static InputError AssertInputError(Action read, string path, int? line, string phrase)
    {
        var e = Assert.Throws<InputError>(read);
        Assert.Equal(path, e.File);
        if (line is not null) Assert.Equal(line, e.Line);
        Assert.Contains(phrase, e.Problem, StringComparison.OrdinalIgnoreCase);
        return e;
    }
}
