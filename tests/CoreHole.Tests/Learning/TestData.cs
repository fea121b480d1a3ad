using CoreHole.Learning;

namespace CoreHole.Tests.Learning;

static class TestData
{
    public static float[] Uniform(int count, int seed, float low = -1, float high = 1)
    {
        var random = new SeededRandom(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = random.NextFloat(low, high);
        return values;
    }

    public static Matrix UniformMatrix(int rows, int columns, int seed, float low = -1, float high = 1) =>
        new(rows, columns, Uniform(rows * columns, seed, low, high));

    /// <summary>tests/reference/<paramref name="name"/>, found by walking up from the test binaries to the repository.</summary>
    public static string ReferenceFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "tests", "reference", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"tests/reference/{name} not found above {AppContext.BaseDirectory}");
    }
}
