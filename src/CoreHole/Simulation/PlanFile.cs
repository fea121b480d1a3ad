using System.Text.Json;
using CoreHole.Structures;

namespace CoreHole.Simulation;

/// <summary>
/// <c>plan.json</c>: a <see cref="MaterialPlan"/> as JSON, lattice vectors and fractional coordinates written in full
/// so that the Cartesian frame (and with it xspectra's x, y, z polarisations) survives the round trip exactly.
/// </summary>
public static class PlanFile
{
    sealed record AtomDto(string Element, string? Label, double[] Fractional);
    sealed record SiteDto(string Label, int Atom, char Wyckoff, int[] EquivalentAtoms);
    sealed record PlanDto(
        string Name, string Source, double[][] Lattice, AtomDto[] Atoms, int SpaceGroupNumber, string SpaceGroupSymbol,
        SiteDto[] OxygenSites, int[][] SupercellMatrix, int SupercellAtoms, double SupercellMinWidth, double ShortestCationOxygen);

    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(string path, MaterialPlan plan)
    {
        double[] V(Vec3 v) => [v.X, v.Y, v.Z];
        var dto = new PlanDto(
            plan.Name, plan.Source,
            [V(plan.Primitive.Lattice.A), V(plan.Primitive.Lattice.B), V(plan.Primitive.Lattice.C)],
            plan.Primitive.Atoms.Select(a => new AtomDto(a.Element, a.Label, V(a.Fractional))).ToArray(),
            plan.SpaceGroupNumber, plan.SpaceGroupSymbol,
            plan.OxygenSites.Select(s => new SiteDto(s.Label, s.Atom, s.Wyckoff, s.EquivalentAtoms.ToArray())).ToArray(),
            Enumerable.Range(0, 3).Select(r => Enumerable.Range(0, 3).Select(c => plan.SupercellMatrix[r, c]).ToArray()).ToArray(),
            plan.SupercellAtoms, plan.SupercellMinWidth, plan.ShortestCationOxygen);
        Atomic.WriteAllText(path, JsonSerializer.Serialize(dto, Options));
    }

    public static MaterialPlan Read(string path)
    {
        PlanDto dto;
        try { dto = JsonSerializer.Deserialize<PlanDto>(File.ReadAllText(path), Options) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable plan: {e.Message}"); }
        catch (FileNotFoundException) { throw new InputError(path, null, "no such file"); }
        Vec3 V(double[] v) => new(v[0], v[1], v[2]);
        var lattice = new Lattice(V(dto.Lattice[0]), V(dto.Lattice[1]), V(dto.Lattice[2]));
        var crystal = new Crystal(dto.Name, lattice, dto.Atoms.Select(a => new Atom(a.Element, V(a.Fractional), a.Label)).ToList());
        var matrix = new int[3, 3];
        for (var r = 0; r < 3; r++) for (var c = 0; c < 3; c++) matrix[r, c] = dto.SupercellMatrix[r][c];
        return new MaterialPlan(dto.Name, dto.Source, crystal, dto.SpaceGroupNumber, dto.SpaceGroupSymbol,
            dto.OxygenSites.Select(s => new Site(s.Label, s.Atom, s.Wyckoff, s.EquivalentAtoms)).ToList(),
            matrix, dto.SupercellAtoms, dto.SupercellMinWidth, dto.ShortestCationOxygen);
    }
}
