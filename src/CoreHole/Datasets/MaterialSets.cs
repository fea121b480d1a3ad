using CoreHole.Simulation;
using CoreHole.Structures;

namespace CoreHole.Datasets;

/// <summary>
/// The sets a campaign material's sites belong to, by what the material is: the transfer oxides of the paper's Fig. 4
/// and Supp. Fig. 3 (by campaign name), amorphous SiO2 (its structure file is in the amorphous folder), crystalline
/// SiO2 (Si and O only: the polymorphs and the pure-silica zeolites), and every other oxide. A dataset records each
/// site's set, so that the sorting is made once, where the campaign's plans are at hand.
/// </summary>
public static class MaterialSets
{
    public const string Crystalline = "crystalline SiO2", Amorphous = "amorphous SiO2", Transfer = "transfer oxides", Oxides = "oxides";

    /// <summary>Where the repository keeps its amorphous cells (relative to a clone's root, where commands run).</summary>
    public const string DefaultAmorphousFolder = "data/structures/amorphous";

    /// <summary>Fig. 4's oxides in the paper's panel order, then Supp. Fig. 3's SrTiO3: names in the silica campaign.</summary>
    public static IReadOnlyList<string> TransferOxides { get; } = ["alpha-Al2O3", "MgO", "Li2O", "alpha-GeO2", "SrTiO3"];

    /// <param name="amorphousFolder">The folder of amorphous cells: a plan whose structure file has a namesake there is amorphous.</param>
    public static string Of(MaterialPlan plan, string amorphousFolder) =>
        TransferOxides.Contains(plan.Name) ? Transfer
        : AmorphousCellFile(plan, amorphousFolder, Path.GetExtension(plan.Source)) is { } cell && File.Exists(cell) ? Amorphous
        : plan.Primitive.Atoms.All(a => a.Element is "Si" or "O") ? Crystalline
        : Oxides;

    /// <summary>
    /// The namesake of the plan's structure file in the amorphous folder with <paramref name="extension"/>. By file name: a
    /// plan keeps its source as simulate was given it, relative to wherever that ran or absolute on that machine, so the
    /// path itself says nothing in another clone or working folder.
    /// </summary>
    public static string AmorphousCellFile(MaterialPlan plan, string amorphousFolder, string extension) =>
        Path.Combine(amorphousFolder, Path.GetFileNameWithoutExtension(plan.Source) + extension);

    /// <summary>
    /// The reduced formula of a crystal, elements in alphabetical order with O last (SiO2, Al2SiO5, AlKSiO4): polymorphs
    /// share it, whatever their cell.
    /// </summary>
    public static string Formula(Crystal crystal) => Formula(crystal.Atoms.Select(a => a.Element));

    public static string Formula(IEnumerable<string> elements)
    {
        var counts = elements.GroupBy(e => e).Select(g => (Element: g.Key, Count: g.Count()))
            .OrderBy(c => c.Element == "O").ThenBy(c => c.Element, StringComparer.Ordinal).ToList();
        if (counts.Count == 0) throw new InputError("a formula needs at least one atom");
        int divisor = counts.Select(c => c.Count).Aggregate(Gcd);
        return string.Concat(counts.Select(c => c.Count / divisor == 1 ? c.Element : $"{c.Element}{c.Count / divisor}"));
    }

    static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
