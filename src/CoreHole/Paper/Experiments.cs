using CoreHole.Datasets;
using static CoreHole.Paper.Evaluations;

namespace CoreHole.Paper;

/// <summary>A set of sites the reproduction sorts the campaign into; <paramref name="Label"/> names it in the report.</summary>
/// <param name="Command">What makes more of its sites, for the report's "not in the dataset yet" lines.</param>
/// <param name="Of">Its sites among a run's.</param>
public sealed record SiteSet(string Name, string Label, string Command, Func<ReproductionSites, IReadOnlyList<SiteRecord>> Of);

/// <summary>A model the paper trains: on which set, with which input.</summary>
public sealed record ModelExperiment(string Name, SiteSet TrainedOn, InputVariant Input);

/// <summary>A model applied to a set: its test sites (the paper split's) or all of them; one predictions file, shown in <paramref name="Section"/>.</summary>
/// <param name="WithBaselines">The four baselines (Evaluation.Comparison) are fitted on the model's training sites and
/// applied to the same sites, each into its own predictions file, for the section to show beside the model.</param>
public sealed record EvaluationExperiment(string Name, ModelExperiment Model, SiteSet On, bool TestSitesOnly, string Section, bool WithBaselines = false);

/// <summary>
/// The paper's experiments as data: the sets, the four models and where each is applied. <see cref="Reproduction"/>
/// runs this table; a new experiment is a row here and a section in Reports that draws its predictions.
/// </summary>
public static class Experiments
{
    static readonly SiteSet crystalline = new("crystalline", "crystalline SiO2", CampaignCommand, s => s.Crystalline),
        amorphous = new("amorphous", "amorphous SiO2", AmorphousCommand, s => s.Amorphous),
        oxides = new("oxides", "Li2O, MgO, alpha-Al2O3 or alpha-GeO2", CampaignCommand,
            s => [.. s.Oxides.Where(o => o.Material != ReproductionSites.SrTiO3)]),
        srTiO3 = new("srtio3", "SrTiO3", CampaignCommand, s => [.. s.Oxides.Where(o => o.Material == ReproductionSites.SrTiO3)]);

    static readonly ModelExperiment crystallineConduction = new(CrystallineConductionModel, crystalline, InputVariant.Conduction),
        crystallineBandGap = new(CrystallineBandGapModel, crystalline, InputVariant.BandGap),
        crystallineValence = new(CrystallineValenceModel, crystalline, InputVariant.Valence),
        amorphousConduction = new(AmorphousConductionModel, amorphous, InputVariant.Conduction);

    /// <summary>The sets, in the order their datasets are built.</summary>
    public static IReadOnlyList<SiteSet> Sets { get; } = [crystalline, amorphous, oxides, srTiO3];

    /// <summary>The models, in the order they are trained.</summary>
    public static IReadOnlyList<ModelExperiment> Models { get; } = [crystallineConduction, crystallineBandGap, crystallineValence, amorphousConduction];

    /// <summary>The set and input of the report's group cross-validation of the default predictor against the baselines.</summary>
    public static ModelExperiment GroupCvModel => crystallineConduction;

    /// <summary>The model whose single-site prediction time the cost comparison uses, on its own training set.</summary>
    public static ModelExperiment TimedModel => crystallineValence;

    public static IReadOnlyList<EvaluationExperiment> Evaluations { get; } =
    [
        new(CrystallineConduction, crystallineConduction, crystalline, TestSitesOnly: true, Fig2, WithBaselines: true),
        new(CrystallineAllConduction, crystallineConduction, crystalline, TestSitesOnly: false, Fig2),
        new(CrystallineBandGap, crystallineBandGap, crystalline, TestSitesOnly: true, Fig2),
        new(AmorphousConduction, crystallineConduction, amorphous, TestSitesOnly: false, Fig3, WithBaselines: true),
        new(AmorphousBandGap, crystallineBandGap, amorphous, TestSitesOnly: false, Fig3),
        new(AmorphousValence, crystallineValence, amorphous, TestSitesOnly: false, Fig3),
        new(Oxides, crystallineValence, oxides, TestSitesOnly: false, Fig4, WithBaselines: true),
        new(SrTiO3, crystallineValence, srTiO3, TestSitesOnly: false, SuppFig3, WithBaselines: true),
        new(CrystallineByAmorphousModel, amorphousConduction, crystalline, TestSitesOnly: false, SuppFig1),
    ];
}
