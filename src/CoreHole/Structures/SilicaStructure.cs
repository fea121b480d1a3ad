using System.Globalization;

namespace CoreHole.Structures;

/// <summary>
/// The numbers by which an SiO2 model is compared with silica glass: density (g/cm³); the Si-O peak of g(r), the mean,
/// shortest and longest Si-O bond and the shortest Si-Si and O-O distances (Å); how many Si have each number of O
/// neighbours and how many O each number of Si, with the fractions of 4-fold Si and 2-fold O; and the mean Si-O-Si and
/// O-Si-O angles (degrees). A bond is an Si-O pair closer than <see cref="BondCutoff"/>.
/// </summary>
public sealed record SilicaStructure(
    double Density,
    double SiOPeak,
    double SiOBondMean,
    double SiOBondShortest,
    double SiOBondLongest,
    IReadOnlyDictionary<int, int> SiCoordination,
    IReadOnlyDictionary<int, int> OCoordination,
    double FourFoldSi,
    double TwoFoldO,
    double ShortestSiSi,
    double ShortestOO,
    double SiOSiAngle,
    double OSiOAngle)
{
    /// <summary>The first minimum of g_SiO in silica glass lies near 2.3 Å, well clear of the 1.6 Å bond and the ~4 Å second shell.</summary>
    public const double BondCutoff = 2.3;

    public static SilicaStructure Of(Crystal crystal, RadialDistribution rdf)
    {
        // The next Si-Si and O-O shells end near 3.5 Å, so every shortest distance that matters lies within it.
        var neighbors = Neighbors.Within(crystal, 3.5);
        var bonds = StructureAnalysis.Bonds(crystal, neighbors, "Si", "O", BondCutoff).Select(b => b.Distance).DefaultIfEmpty(double.NaN).ToList();
        var si = StructureAnalysis.Coordination(crystal, neighbors, "Si", "O", BondCutoff);
        var o = StructureAnalysis.Coordination(crystal, neighbors, "O", "Si", BondCutoff);
        return new SilicaStructure(
            StructureAnalysis.Density(crystal),
            rdf.PeakPosition("Si-O", BondCutoff),
            bonds.Average(), bonds.Min(), bonds.Max(),
            StructureAnalysis.CoordinationHistogram(si), StructureAnalysis.CoordinationHistogram(o),
            si.Count(c => c == 4) / (double)si.Length, o.Count(c => c == 2) / (double)o.Length,
            StructureAnalysis.MinimumDistance(crystal, neighbors, "Si", "Si"),
            StructureAnalysis.MinimumDistance(crystal, neighbors, "O", "O"),
            StructureAnalysis.MeanBondAngle(crystal, neighbors, "O", "Si", BondCutoff),
            StructureAnalysis.MeanBondAngle(crystal, neighbors, "Si", "O", BondCutoff));
    }

    /// <summary>One line: density, Si-O peak, coordination fractions, shortest distances, Si-O-Si angle.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"density {Density:F3} g/cm3, Si-O peak {SiOPeak:F3} A, Si 4-fold {FourFoldSi:P1} ({Histogram(SiCoordination)}), " +
        $"O 2-fold {TwoFoldO:P1} ({Histogram(OCoordination)}), shortest Si-O {SiOBondShortest:F3} Si-Si {ShortestSiSi:F3} O-O {ShortestOO:F3} A, " +
        $"Si-O-Si {SiOSiAngle:F1} deg");

    static string Histogram(IReadOnlyDictionary<int, int> counts) => string.Join(" ", counts.Select(c => $"{c.Key}:{c.Value}"));
}

/// <summary>
/// What a sound silica glass model must satisfy. Defaults follow the literature on a-SiO2 (density 2.20 g/cm³,
/// Si-O 1.61 Å, corner-sharing SiO4 tetrahedra): almost every Si 4-fold and every O bridging two Si, no atoms
/// pushed closer than a glass ever has them (an edge-sharing pair of tetrahedra puts Si-Si near 2.5 Å).
/// </summary>
public sealed record GlassCriteria(
    double MinFourFoldSi = 0.95,
    double MinTwoFoldO = 0.95,
    double MinDensity = 2.10,
    double MaxDensity = 2.30,
    double MinSiOPeak = 1.55,
    double MaxSiOPeak = 1.70,
    double MinSiO = 1.45,
    double MinSiSi = 2.60,
    double MinOO = 2.20)
{
    /// <summary>Each criterion the structure misses, as a short phrase; empty for a sound glass.</summary>
    public IReadOnlyList<string> Problems(SilicaStructure s)
    {
        var problems = new List<string>();
        void Require(bool ok, FormattableString problem) { if (!ok) problems.Add(problem.ToString(CultureInfo.InvariantCulture)); }
        Require(s.FourFoldSi >= MinFourFoldSi, $"{s.FourFoldSi:P1} of Si 4-fold (at least {MinFourFoldSi:P0} needed)");
        Require(s.TwoFoldO >= MinTwoFoldO, $"{s.TwoFoldO:P1} of O 2-fold (at least {MinTwoFoldO:P0} needed)");
        Require(s.Density >= MinDensity && s.Density <= MaxDensity, $"density {s.Density:F3} g/cm3 (glass: {MinDensity}-{MaxDensity})");
        Require(s.SiOPeak >= MinSiOPeak && s.SiOPeak <= MaxSiOPeak, $"Si-O peak at {s.SiOPeak:F3} A (glass: {MinSiOPeak}-{MaxSiOPeak})");
        Require(s.SiOBondShortest >= MinSiO, $"an Si-O pair at {s.SiOBondShortest:F3} A (at least {MinSiO} needed)");
        Require(s.ShortestSiSi >= MinSiSi, $"an Si-Si pair at {s.ShortestSiSi:F3} A (at least {MinSiSi} needed)");
        Require(s.ShortestOO >= MinOO, $"an O-O pair at {s.ShortestOO:F3} A (at least {MinOO} needed)");
        return problems;
    }
}
