using CoreHole.Datasets;
using CoreHole.Spectra;

namespace CoreHole.Tests.Datasets;

public class DatasetTests
{
    static string Manifest(string name) => Path.Combine(AppContext.BaseDirectory, "data", "manifests", name);

    [Fact]
    public void PilotQuartzNeedsZerosAboveItsShortPdosAndThenBuilds()
    {
        var sites = SiteSources.Read(Manifest("qe-pilot.csv")).Sites;
        var site = Assert.Single(sites);
        Assert.Equal(8.5245, site.Edges.Cbm, 4);
        Assert.Equal(6, site.Multiplicity);
        Assert.True(site.SpectrumThreshold.IsFallback); // the pilot's core-hole scf printed no LUMO

        // 48 bands: the PDOS ends at 23.366 eV, below CBM + 14.9 = 23.42 eV.
        var refused = Assert.Throws<InputError>(() => Dataset.Build(sites, Featurizer.Default, 1));
        Assert.Contains("too few empty bands", refused.Message);
        var data = Dataset.Build(sites, Featurizer.Default with { ZeroAboveData = true }, 1);
        Assert.True(data.ZeroAboveData[0]);
        Assert.Equal(160, data.Inputs[InputVariant.Conduction].Columns);
        Assert.Equal(210, data.Inputs[InputVariant.BandGap].Columns);
        Assert.Equal(350, data.Inputs[InputVariant.Valence].Columns);
    }

    [Fact]
    public void SeedMgOTakesItsThresholdFromTheCoreHoleLumo()
    {
        var site = Assert.Single(SiteSources.Read(Manifest("qe-seed-MgO.csv")).Sites);
        Assert.False(site.SpectrumThreshold.IsFallback);
        Assert.Equal(10.1452 - 5.7893, site.SpectrumThreshold.EnergyEv, 4);
        Assert.Equal(4.7736, site.Edges.Gap, 3);
        Assert.Equal("6.7MaX", site.Provenance.CodeVersion);
        Assert.True(site.Provenance.GroundStateWallSeconds > 0);
    }

    [Fact]
    public void InputsAndTargetHaveMeanOneOverTheirWindow()
    {
        var data = Dataset.Build(SyntheticSites.Make(12, seed: 3), Featurizer.Default, 1);
        foreach (var matrix in new[] { data.Inputs[InputVariant.Conduction], data.Targets })
            for (int i = 0; i < data.Count; i++)
            {
                // Unit trapezoid area over the window, times 16: the curve's area over [-1, 14.9] eV is 16.
                var row = matrix.Row(i);
                double area = 0;
                for (int k = 1; k < row.Length; k++) area += 0.05 * (row[k] + row[k - 1]);
                Assert.Equal(16, area, 3);
            }
    }

    [Fact]
    public void BandGapInputStartsWithHalfTheGapOfZeros()
    {
        // A PDOS that is flat from the CBM up: broadened by 0.5 eV, it reaches half height at the CBM.
        var energies = Enumerable.Range(0, 801).Select(i => -10 + 0.05 * i).ToArray();
        var pdos = new Curve(energies, energies.Select(e => e >= 3 ? 1.0 : 0.0).ToArray());
        var edges = new BandEdges(-3, 3, "test"); // gap 6 eV, mid-gap 0: the CBM is 30 points in
        var input = Featurizer.Default.Input(InputVariant.BandGap, pdos, edges, "test");
        var conductionValue = input[^1];
        Assert.True(input[..10].All(v => v < 1e-4 * conductionValue)); // over 4 sigma below the CBM: zero
        Assert.Equal(0.5, input[30] / conductionValue, 1);               // at the CBM: half way up the broadened step
        Assert.Equal(input[30], input[50 + 10]);                         // the conduction input after it, also 0 at the CBM
    }

    [Fact]
    public void HalfGapBeyondTheWindowIsRefused()
    {
        var sites = SyntheticSites.Make(5, seed: 1);
        var wide = sites[0] with { Edges = new BandEdges(0, 11, "test") };
        var e = Assert.Throws<InputError>(() => Dataset.Build([wide, .. sites.Skip(1)], Featurizer.Default, 1));
        Assert.Contains("exceeds the band-gap window (5 eV)", e.Message);
    }

    [Fact]
    public void PaperSplitIsNineToOneThenHalves()
    {
        var materials = Enumerable.Range(0, 1171).Select(i => $"m{i / 3}").ToList();
        var parts = Splits.Make(Splits.Paper, materials, 42);
        Assert.Equal(117, parts.Count(p => p == Part.Test));
        Assert.Equal(527, parts.Count(p => p == Part.Validation));
        Assert.Equal(527, parts.Count(p => p == Part.Train));
        Assert.Equal(parts, Splits.Make(Splits.Paper, materials, 42));
        Assert.NotEqual(parts, Splits.Make(Splits.Paper, materials, 43));
    }

    [Fact]
    public void GroupSplitKeepsEveryMaterialOnOneSide()
    {
        var sites = SyntheticSites.Make(300, seed: 5);
        var materials = sites.Select(s => s.Material).ToList();
        var parts = Splits.Make(Splits.Group, materials, 7);
        foreach (var material in materials.Distinct())
            Assert.Single(materials.Select((m, i) => (m, i)).Where(p => p.m == material).Select(p => parts[p.i]).Distinct());
        Assert.InRange(parts.Count(p => p == Part.Test), 30, 33); // whole materials of 1-3 sites: at most 2 over a tenth
    }

    [Fact]
    public void GroupFoldsNeverSplitAMaterial()
    {
        var materials = SyntheticSites.Make(200, seed: 5).Select(s => s.Material).ToList();
        var fold = Splits.Folds([.. Enumerable.Range(0, 200)], materials, 5, byMaterial: true, seed: 1);
        Assert.All(materials.Distinct(), m => Assert.Single(materials.Select((x, i) => (x, i)).Where(p => p.x == m).Select(p => fold[p.i]).Distinct()));
        var sizes = Enumerable.Range(0, 5).Select(f => fold.Count(x => x == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 3, string.Join(",", sizes)); // balanced to within one material
    }

    [Fact]
    public void HdfFileRoundTripsEveryRecordAndMatrix()
    {
        // Campaign sites carry an origin, manifest ones none: both kinds in one file.
        var records = SyntheticSites.Make(20, seed: 9).Select((r, i) => i % 2 == 0 ? r
            : r with { Origin = new SiteOrigin(MaterialSets.Oxides, $"Ti{i}O2", "wide", 10 + i / 7.0) }).ToList();
        var data = Dataset.Build(records, Featurizer.Default, 4);
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-dataset-").FullName, "d.h5");
        DatasetFile.Write(path, data);
        var back = DatasetFile.Read(path);

        Assert.Equal(data.Featurizer, back.Featurizer);
        Assert.Equal(4, back.SplitSeed);
        Assert.Equal(data.SplitParts[Splits.Group], back.SplitParts[Splits.Group]);
        foreach (var variant in InputVariants.All) Assert.Equal(data.Inputs[variant].Data, back.Inputs[variant].Data);
        Assert.Equal(data.Targets.Data, back.Targets.Data);
        for (int i = 0; i < data.Count; i++)
        {
            var (a, b) = (data.Records[i], back.Records[i]);
            Assert.Equal((a.Material, a.Site, a.Multiplicity, a.Edges, a.SpectrumThreshold, a.Provenance, a.Origin),
                (b.Material, b.Site, b.Multiplicity, b.Edges, b.SpectrumThreshold, b.Provenance, b.Origin));
            Assert.Equal(a.Pdos.Intensities.ToArray(), b.Pdos.Intensities.ToArray());
            Assert.Equal(a.Spectrum.Energies.ToArray(), b.Spectrum.Energies.ToArray());
        }
    }

    [Fact]
    public void SourcePathsFollowTheFileToAnotherClone()
    {
        var (built, clone) = (Directory.CreateTempSubdirectory("corehole-built-").FullName, Directory.CreateTempSubdirectory("corehole-clone-").FullName);
        var synthetic = SyntheticSites.Make(12, seed: 3);
        string[] sources = [Path.Combine(built, "campaign", "ABW", "site_O1"), Path.Combine(built, "manifest.csv") + ":7", "synthetic"];
        var records = synthetic.Select((r, i) => r with { Provenance = r.Provenance with { Source = sources[i % 3] } }).ToList();
        DatasetFile.Write(Path.Combine(built, "d.h5"), Dataset.Build(records, Featurizer.Default, 4));
        File.Copy(Path.Combine(built, "d.h5"), Path.Combine(clone, "d.h5"));

        var back = DatasetFile.Read(Path.Combine(clone, "d.h5")).Records.Take(3).Select(r => r.Provenance.Source);
        Assert.Equal([Path.Combine(clone, "campaign", "ABW", "site_O1"), Path.Combine(clone, "manifest.csv") + ":7", "synthetic"], back);
    }

    [Fact]
    public void ModelDescriptionReadsBackTheVariantAndFeaturizer()
    {
        var featurizer = Featurizer.Default with { GapWindowEv = 4, TargetNormalization = new Normalization.UnitMaximum() };
        var (variant, back) = Featurizer.FromDescription(featurizer.Describe(InputVariant.BandGap), "model");
        Assert.Equal(InputVariant.BandGap, variant);
        Assert.Equal(featurizer, back);
    }
}
