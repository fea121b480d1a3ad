namespace CoreHole.Simulation;

/// <summary>
/// The seam through which a model, from a layer above this one, tells the campaign what it does not know: its
/// predicted spread on each O site of a material whose ground state has finished (the ground state gives the input).
/// </summary>
public interface ISiteUncertainty
{
    /// <summary>The model's spread (mean over its energy grid) on each O site of <paramref name="plan"/>, by site label.
    /// Called only for a material whose ground state has finished.</summary>
    IReadOnlyDictionary<string, double> Spreads(Campaign campaign, MaterialPlan plan);
}

/// <summary>A core-hole job as <see cref="UncertaintyOrder"/> ranks it.</summary>
/// <param name="Spread">The model's spread on the site; null while its material's ground state is not finished.</param>
/// <param name="Seconds">The cost model's estimate of the site's core-hole job.</param>
public sealed record RankedSite(CampaignJob Job, double? Spread, double Seconds)
{
    /// <summary>Spread per estimated minute: what one minute spent on this site buys in the model's uncertainty.</summary>
    public double? Score => Spread / (Seconds / 60);
}

/// <summary>
/// <c>corehole simulate --order uncertainty</c>: new data chosen by what the model does not know. Every ground state
/// first (cheap, and each gives its sites' inputs), in the campaign's own cheapest-first order; then the core-hole
/// sites whose ground state has finished by the model's spread per estimated minute, highest first (ties: the
/// campaign's order), the best site of each material before any material's second (<see cref="OnePerMaterialFirst"/>);
/// then the sites whose ground state has not finished (failed, running elsewhere, or not reached before a deadline), in
/// the campaign's order, since nothing is known of them yet. A run re-ranks the sites once its
/// ground states are done, so only sites whose ground state failed stay unscored.
/// </summary>
public static class UncertaintyOrder
{
    /// <summary>The ground states of <paramref name="materials"/> in the campaign's order (<see cref="Campaign.Jobs"/>).</summary>
    public static IReadOnlyList<CampaignJob> GroundStates(Campaign campaign, IReadOnlyList<MaterialPlan> materials, CostModel costs) =>
        [.. campaign.Jobs(materials, costs).Where(j => !j.IsCoreHole)];

    /// <summary>The unfinished core-hole sites of <paramref name="materials"/>, in the order a run takes them.</summary>
    /// <param name="processes">MPI processes of the run, for the estimates (the same factor for every site: the order does not depend on it).</param>
    public static IReadOnlyList<RankedSite> Rank(Campaign campaign, IReadOnlyList<MaterialPlan> materials, CostModel costs, ISiteUncertainty model, int processes)
    {
        var campaignOrder = campaign.Jobs(materials, costs).Where(j => j.IsCoreHole && campaign.State(j) != JobState.Done).ToList();
        var spreads = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var plan in materials.Where(m => campaignOrder.Any(j => j.Material == m.Name)))
            if (campaign.IsFinished(GroundStateOf(plan))) spreads[plan.Name] = model.Spreads(campaign, plan);
        var ranked = campaignOrder.Select(j => new RankedSite(j,
            spreads.TryGetValue(j.Material, out var sites) ? sites[j.Site!] : null, costs.Seconds(j, processes))).ToList();
        // OrderBy is stable: equal scores keep the campaign's order, and so do the unscored sites after them.
        var scored = ranked.Where(s => s.Score is not null).OrderByDescending(s => s.Score!.Value).ToList();
        return [.. OnePerMaterialFirst(scored, s => s.Job.Material), .. ranked.Where(s => s.Score is null)];
    }

    /// <summary>
    /// <paramref name="ranked"/> (best first) with the first <paramref name="batch"/> holding one item per material as far
    /// as the materials allow (the best of each, in rank order), then the rest in rank order. The sites of one material
    /// are near-copies that a model learns together, so a batch spread over materials teaches it more: the retrospective
    /// study (<c>Evaluation/Acquisition.cs</c>) measures this rule with batches of its step, and a campaign run, which
    /// does not retrain between sites, is one batch.
    /// </summary>
    public static IReadOnlyList<T> OnePerMaterialFirst<T>(IReadOnlyList<T> ranked, Func<T, string> materialOf, int batch = int.MaxValue)
    {
        var materials = new HashSet<string>(StringComparer.Ordinal);
        var first = new HashSet<int>();
        for (var i = 0; i < ranked.Count && first.Count < batch; i++)
            if (materials.Add(materialOf(ranked[i]))) first.Add(i);
        return [.. first.Order().Select(i => ranked[i]), .. Enumerable.Range(0, ranked.Count).Where(i => !first.Contains(i)).Select(i => ranked[i])];
    }

    /// <summary>What a run takes, in order: <see cref="GroundStates"/>, then the sites as <see cref="Rank"/> ordered them (<paramref name="ranked"/>).</summary>
    public static IReadOnlyList<CampaignJob> Jobs(Campaign campaign, IReadOnlyList<MaterialPlan> materials, CostModel costs, IReadOnlyList<RankedSite> ranked) =>
        [.. GroundStates(campaign, materials, costs), .. ranked.Select(s => s.Job)];

    static CampaignJob GroundStateOf(MaterialPlan plan) => new(plan.Name, null, plan.Primitive.Atoms.Count);
}
