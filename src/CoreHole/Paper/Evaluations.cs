namespace CoreHole.Paper;

/// <summary>
/// The names shared by a run and its report: the models <c>corehole reproduce</c> trains, the evaluations (a model
/// applied to a set of sites: one predictions file each), and the report's sections.
/// </summary>
public static class Evaluations
{
    // Models: the set they are trained on and their input variant.
    public const string CrystallineConductionModel = "crystalline-conduction", CrystallineBandGapModel = "crystalline-band-gap",
        CrystallineValenceModel = "crystalline-valence", AmorphousConductionModel = "amorphous-conduction";

    // Evaluations: Fig. 2 (and Fig. 3's gray/orange/green/purple series), Supp. Fig. 1, Fig. 4, Supp. Fig. 3; and
    // every crystalline site, training ones included, whose calculated spectra and PDOS give the peak shifts' physics.
    public const string CrystallineConduction = "crystalline-test-conduction", CrystallineAllConduction = "crystalline-all-conduction", CrystallineBandGap = "crystalline-test-band-gap",
        AmorphousConduction = "amorphous-conduction", AmorphousBandGap = "amorphous-band-gap", AmorphousValence = "amorphous-valence",
        CrystallineByAmorphousModel = "crystalline-by-amorphous-model", Oxides = "oxides-valence", SrTiO3 = "srtio3-valence";

    // Beyond the paper (CompoundTransfer): the oxide campaign's compounds each held out of the default predictor, and
    // the transfer oxides predicted by the default predictor trained on crystalline SiO2 alone and on every oxide.
    public const string ByCompound = "oxides-by-compound", TransferSilicaOnly = "transfer-silica-only", TransferAllOxides = "transfer-all-oxides";

    // Sections of the report, the keys of ReproductionSummary.Missing.
    public const string Fig2 = "fig2", Fig3 = "fig3", SuppFig1 = "suppfig1", Fig4 = "fig4", SuppFig3 = "suppfig3", Search = "search", Cost = "cost",
        GroupCv = "group-cv", Compounds = "compounds", AcquisitionStudy = "acquisition";

    /// <summary>The predictions file of baseline <paramref name="kind"/> beside <paramref name="evaluation"/>: fitted on the
    /// model's training sites, applied to the evaluation's sites.</summary>
    public static string Baseline(string evaluation, string kind) => $"{evaluation}.baseline-{kind}";

    /// <summary>What makes more data, for the report's "not in the dataset yet" lines.</summary>
    public const string CampaignCommand = "./corehole simulate --manifest data/structures/campaign.txt -o data/campaign --np 1",
        // The embedded dataset's two defect-free amorphous cells (data/README.md says why these).
        OxidesCommand = "./corehole simulate --manifest data/structures/oxides.txt -o data/oxides --np 1",
        AmorphousCommand = "./corehole simulate data/structures/amorphous/a-SiO2-72-s1.cif data/structures/amorphous/a-SiO2-72-s2.cif -o data/campaign --np 1";
}
