namespace CoreHole.Evaluation;

/// <summary>
/// A dataset's sites sorted as the evaluation needs them, by material name: the transfer oxides (named by the caller),
/// the amorphous cells (materials named "a-…", as the campaign names its amorphous SiO2 cells) and the rest, the
/// crystalline set that models are trained and cross-validated on.
/// </summary>
public sealed record SiteSets(int[] Crystalline, int[] Amorphous, int[] Oxides)
{
    public const string AmorphousPrefix = "a-";

    public static SiteSets Of(IReadOnlyList<string> materials, IReadOnlyCollection<string> oxides)
    {
        bool IsOxide(int i) => oxides.Contains(materials[i]);
        bool IsAmorphous(int i) => materials[i].StartsWith(AmorphousPrefix, StringComparison.Ordinal);
        var all = Enumerable.Range(0, materials.Count).ToArray();
        return new SiteSets([.. all.Where(i => !IsOxide(i) && !IsAmorphous(i))], [.. all.Where(i => !IsOxide(i) && IsAmorphous(i))], [.. all.Where(IsOxide)]);
    }
}
