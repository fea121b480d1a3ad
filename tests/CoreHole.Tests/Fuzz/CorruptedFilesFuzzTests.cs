using System.Globalization;
using System.IO.Compression;
using System.Text;
using CoreHole.Cli.Commands;
using CoreHole.Tests.Formats;

namespace CoreHole.Tests.Fuzz;

/// <summary>
/// A seeded fuzz suite: corrupted variants of the test data files of every format CoreHole reads (the .gz form
/// included), each read through inspect's reading path in-process (<see cref="InspectCommand.Rows"/>: detection,
/// reader, threshold, and for a structure the symmetry and supercell through spglib). Every variant must read, or
/// fail with one <see cref="InputError"/> line naming the file: never another exception, a crash or a hang.
/// The seed is fixed, so a failure names a variant that reruns the same way.
/// </summary>
public class CorruptedFilesFuzzTests
{
    /// <summary>One real or layout file per format (see data/README.md), and how many variants of it to make: 560 in all.</summary>
    public static readonly TheoryData<string, int> Sources = new()
    {
        { "qe-seed/MgO/site_O1/scf.out", 40 },
        { "qe-seed/MgO/gs/nscf.out", 30 },
        { "qe-seed/MgO/site_O1/xspectra_x.out", 30 },
        { "qe-seed/MgO/gs/projwfc.out", 25 },
        { "qe-seed/MgO/gs/pdos/atm2_O_p.pdos", 30 },
        { "qe-seed/MgO/gs/pdos/pdos_tot.dat", 25 },
        { "qe-seed/MgO/site_O1/xanes_x.dat", 30 },
        { "qe-seed/MgO/site_O1/xanes_avg.dat", 30 },
        { "fixtures/xmu.dat", 30 },
        { "fixtures/test_core_edge.dat", 25 },
        { "fixtures/test.pdos.dat", 25 },
        { "fixtures/DOSCAR.ispin2_lorbit10", 30 },
        { "fixtures/vasprun.xml", 30 },
        { "fixtures/two_columns.dat", 25 },
        { "layouts/SiO2.adaptive.dat", 25 },
        { "layouts/SrVO3_smeared_qe72.out", 25 },
        { "structures/MgO-p1.cif", 40 },
        { "structures/stishovite-p1.cif", 25 },
        { "layouts/MgO.poscar", 40 },
    };

    /// <summary>Longest a single read may take before it counts as a hang (the slowest clean read here takes well under a second).</summary>
    static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(Sources))]
    public void EveryCorruptedVariantReadsOrIsOneLineNamingTheFile(string relative, int variants)
    {
        var text = File.ReadAllBytes(TestData.Path(relative));
        var random = new Random(relative.Aggregate(17, (h, c) => unchecked(h * 31 + c)));   // a fixed seed per source
        var problems = new List<string>();
        for (var v = 0; v < variants; v++)
        {
            var (what, bytes, gzip) = Corrupt(text, random, v);
            var name = Path.GetFileName(relative) + (gzip ? ".gz" : "");
            var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-fuzz-").FullName, name);
            File.WriteAllBytes(path, bytes);
            if (Outcome(path) is { } problem) problems.Add($"variant {v} ({what}{(gzip ? ", gzipped" : "")}): {problem}");
        }
        Assert.True(problems.Count == 0, $"{relative}: {problems.Count} of {variants} variants went wrong:\n{string.Join("\n", problems)}");
    }

    /// <summary>Null when the read is acceptable; otherwise what went wrong.</summary>
    static string? Outcome(string path)
    {
        var read = Task.Run(() => InspectCommand.Rows(path));
        try
        {
            if (!read.Wait(Hang)) return $"no answer after {Hang.TotalSeconds} s (a hang)";
            return null;
        }
        catch (AggregateException e) when (e.InnerException is InputError error)
        {
            var message = $"corehole: {error.Message}";
            if (message.Contains('\n')) return $"a message of several lines: {message}";
            return message.Contains(Path.GetFileName(path)) ? null : $"a message not naming the file: {message}";
        }
        catch (AggregateException e) { return $"crash: {e.InnerException}"; }
    }

    /// <summary>
    /// The <paramref name="index"/>-th corruption: cycles through the kinds (so every kind meets every format), with
    /// random positions. About a quarter are then gzipped, and some of those damaged after compression.
    /// </summary>
    static (string What, byte[] Bytes, bool Gzip) Corrupt(byte[] original, Random random, int index)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        string Join() => string.Join('\n', lines);
        int Line() => random.Next(lines.Count);
        string what;
        byte[] bytes;
        switch (index % 10)
        {
            case 0:
                var cut = random.Next(original.Length);
                (what, bytes) = ($"truncated at byte {cut}", original[..cut]);
                break;
            case 1:
                bytes = (byte[])original.Clone();
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips; i++) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                what = $"{flips} bit flips";
                break;
            case 2:
                var bad = new[] { "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "****", "nan", "1.0D+999" }[random.Next(8)];
                what = $"a number replaced by {bad}";
                bytes = Encoding.UTF8.GetBytes(ReplaceNumber(Join(), random, bad));
                break;
            case 3:
                var deleted = Line();
                lines.RemoveAt(deleted);
                (what, bytes) = ($"line {deleted + 1} deleted", Encoding.UTF8.GetBytes(Join()));
                break;
            case 4:
                var duplicated = Line();
                lines.Insert(duplicated, lines[duplicated]);
                (what, bytes) = ($"line {duplicated + 1} duplicated", Encoding.UTF8.GetBytes(Join()));
                break;
            case 5:
                var (a, b) = (Line(), Line());
                (lines[a], lines[b]) = (lines[b], lines[a]);
                (what, bytes) = ($"lines {a + 1} and {b + 1} swapped", Encoding.UTF8.GetBytes(Join()));
                break;
            case 6:
                (what, bytes) = random.Next(3) switch
                {
                    0 => ("empty", Array.Empty<byte>()),
                    1 => ("blank lines only", Encoding.UTF8.GetBytes("\n  \n\t\n")),
                    _ => ("the header alone", Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(1 + random.Next(Math.Min(12, lines.Count)))))),
                };
                break;
            case 7:
                bytes = new byte[1 + random.Next(4096)];
                random.NextBytes(bytes);
                what = $"{bytes.Length} bytes of binary garbage";
                break;
            case 8:
                var from = Line();
                var kept = lines.Take(from).Concat(lines.Skip(from + 1 + random.Next(20))).ToList();
                (what, bytes) = ($"a block cut out at line {from + 1}", Encoding.UTF8.GetBytes(string.Join('\n', kept)));
                break;
            default:
                var at = Line();
                var half = lines[at][..(lines[at].Length / 2)];
                lines = [.. lines.Take(at), half];
                (what, bytes) = ($"cut mid-line at line {at + 1}", Encoding.UTF8.GetBytes(Join()));
                break;
        }
        if (random.Next(4) != 0) return (what, bytes, false);
        var compressed = Gzip(bytes);
        return random.Next(3) switch
        {
            0 => ($"{what}; compressed data cut at byte {compressed.Length * 2 / 3}", compressed[..(compressed.Length * 2 / 3)], true),
            1 => ($"{what}; a compressed byte flipped", Flip(compressed, random), true),
            _ => (what, compressed, true),
        };
    }

    static string ReplaceNumber(string text, Random random, string with)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"-?\d+\.\d+(?:[eEdD][-+]?\d+)?");
        if (numbers.Count == 0) return text + with;
        var m = numbers[random.Next(numbers.Count)];
        return text[..m.Index] + with + text[(m.Index + m.Length)..];
    }

    static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    static byte[] Flip(byte[] data, Random random)
    {
        var copy = (byte[])data.Clone();
        if (copy.Length <= 10) return copy;   // GZipStream writes nothing at all for no data
        copy[10 + random.Next(Math.Max(1, copy.Length - 10))] ^= 0x5a;   // past the 10-byte header: the data or trailer
        return copy;
    }

    /// <summary>The whole CLI, as a separate process, on a few corrupted files: exit code 2 and one line, no stack trace.</summary>
    [Theory]
    [InlineData("layouts/MgO.poscar", "1.00000000000000", "1e-300")]
    [InlineData("layouts/MgO.poscar", "1.00000000000000", "0")]
    [InlineData("structures/MgO-p1.cif", "_cell_length_a", "_cell_length_a -3 #")]
    [InlineData("qe-seed/MgO/site_O1/xanes_avg.dat", "0.0", "NaN")]
    public void TheCommandExitsWithCodeTwoAndOneLine(string relative, string what, string with)
    {
        var path = TestData.WithReplaced(relative, what, with);
        var (code, output) = Simulation.CliProcess.Run(TimeSpan.FromMinutes(1), "inspect", path);
        Assert.True(code == 2, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1 && lines[0].StartsWith($"corehole: {path}", StringComparison.Ordinal), output);
    }
}
