using CoreHole.Formats;
using CoreHole.Structures;

namespace CoreHole.Simulation;

/// <summary>
/// Everything decided about one material before any DFT runs: its primitive cell (in the input's Cartesian frame),
/// space group, inequivalent O sites, and the core-hole supercell. Saved as <c>structure.cif</c> + <c>plan.json</c>
/// in the material's folder so that every later stage, on any machine, uses the same cell.
/// </summary>
public sealed record MaterialPlan(
    string Name,
    string Source,
    Crystal Primitive,
    int SpaceGroupNumber,
    string SpaceGroupSymbol,
    IReadOnlyList<Site> OxygenSites,
    int[,] SupercellMatrix,
    int SupercellAtoms,
    double SupercellMinWidth,
    double ShortestCationOxygen)
{
    /// <param name="supercellMatrix">A supercell chosen by the user (rows: supercell vectors in primitive-vector units);
    /// null: the smallest one at least <see cref="Preset.SupercellWidth"/> wide.</param>
    /// <param name="keepCell">Use the input's own cell for the ground state instead of spglib's primitive cell (a
    /// supercell, to check how a large cell's k sampling changes the PDOS).</param>
    public static MaterialPlan Make(string name, string source, Crystal input, Preset preset, int[,]? supercellMatrix = null, bool keepCell = false)
    {
        if (!input.Atoms.Any(a => a.Element == "O"))
            throw new InputError(source, null, "has no oxygen: CoreHole simulates O K edges");
        var primitive = (keepCell ? input : Symmetry.Primitive(input)) with { Name = name };
        var symmetry = Symmetry.Analyze(primitive);
        var sites = Symmetry.InequivalentSites(primitive, "O");
        var supercell = supercellMatrix is null ? Supercell.Smallest(primitive, preset.SupercellWidth) : Supercell.Build(primitive, supercellMatrix);
        var widths = supercell.Crystal.Lattice.PerpendicularWidths();
        var cationO = primitive.IndicesOf("O")
            .SelectMany(o => Enumerable.Range(0, primitive.Atoms.Count).Where(i => primitive.Atoms[i].Element != "O").Select(c => primitive.Distance(o, c)))
            .DefaultIfEmpty(double.NaN).Min();
        return new MaterialPlan(name, source, primitive, symmetry.SpaceGroupNumber, symmetry.InternationalSymbol, sites,
            supercell.Matrix, supercell.Crystal.Atoms.Count, Math.Min(widths.X, Math.Min(widths.Y, widths.Z)), cationO);
    }

    public Supercell BuildSupercell() => Supercell.Build(Primitive, SupercellMatrix);

    public Site Site(string label) =>
        OxygenSites.FirstOrDefault(s => s.Label == label) ?? throw new InputError($"{Name} has no O site '{label}'");
}
