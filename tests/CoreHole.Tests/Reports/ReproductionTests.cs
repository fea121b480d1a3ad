using System.Diagnostics;
using CoreHole.Evaluation;
using CoreHole.Training;
using CoreHole.Reports;
using CoreHole.Paper;

namespace CoreHole.Tests.Reports;

public class ReproductionTests(SyntheticReport report) : IClassFixture<SyntheticReport>
{
    [Fact]
    public void EveryFigureOfThePaperIsMadeAsPngSvgAndCsv()
    {
        Assert.Empty(report.Summary.Missing);
        Assert.Equal(4, report.Summary.Models.Count);
        var figures = Path.Combine(report.Folder, ReportFigures.Folder);
        string[] expected = ["fig2a", "fig2b", "fig2c", "fig2d", "acquisition-sites", "acquisition-hours", "peak-shifts", "fig3a", "fig3b", "fig3c", "fig3d", "fig3e", "suppfig1", "cost", "amorphous-rdf"];
        foreach (var name in expected)
            foreach (var extension in new[] { ".png", ".svg", ".csv" })
                Assert.True(File.Exists(Path.Combine(figures, name + extension)), $"{name}{extension} is missing");
        foreach (var oxide in ReproductionSites.TransferOxides)
            Assert.NotEmpty(Directory.GetFiles(figures, $"*-{oxide}-*.png"));
        Assert.DoesNotContain("Not in the dataset yet", report.Page);
        foreach (var model in report.Summary.Models)
            Assert.Contains($"cv/{model.Name}.csv", report.Page);
        Assert.Contains(report.Headlines, h => h.StartsWith("Fig. 2a: ") && h.Contains("MSE < 0.4"));
    }

    [Fact]
    public void TheDefaultPredictorIsCrossValidatedAgainstTheFourBaselinesAndTheFiguresShowThem()
    {
        var cv = report.Summary.GroupCv!;
        Assert.Equal([CoreHole.Evaluation.DefaultPredictor.Name, "mean training spectrum", "k nearest neighbours", "ridge regression", "PDOS as spectrum (no core hole)"],
            cv.Scores.Select(s => s.Name));
        Assert.Equal(report.Summary.CrystallineSites, cv.Sites);
        Assert.True(cv.Scores[0].Minimum >= 0, "the default predictor's spectra are non-negative");
        Assert.Equal(0, cv.Scores[1].Skill, 12);
        Assert.Contains("Does the model learn?", report.Page);
        Assert.Contains(report.Headlines, h => h.StartsWith($"Group CV: {CoreHole.Evaluation.DefaultPredictor.Name}: MSE"));
        Assert.Empty(cv.ErrorsByWidth!); // synthetic sites come from no campaign folder: no supercell width, no such section
        Assert.DoesNotContain("id=\"error-by-width\"", report.Page);
        var results = new ResultFiles(report.Folder);
        foreach (var evaluation in new[] { Evaluations.CrystallineConduction, Evaluations.AmorphousConduction, Evaluations.Oxides, Evaluations.SrTiO3 })
            foreach (var kind in new[] { "mean", "knn", "ridge", "input" })
                Assert.Equal(results.ReadPredictions(evaluation)!.Select(p => p.Id), results.ReadPredictions(Evaluations.Baseline(evaluation, kind))!.Select(p => p.Id));
        Assert.Equal(2, report.Page.Split("<strong>Against the baselines</strong>").Length - 1); // Fig. 2a and 3a
    }

    [Fact]
    public void TheAcquisitionStudyIsRunOnTheCrossValidatedSitesAndTheReportGivesItsVerdict()
    {
        var study = report.Summary.Acquisition!;
        Assert.Equal((30, 2, 8, 4), (study.Sites, study.Settings.Repeats, study.Settings.Start, study.Settings.Step));
        Assert.Equal(Enum.GetValues<Acquisition.Order>(), study.Curves.Select(c => c.Order));
        Assert.Contains("New data chosen by uncertainty", report.Page);
        Assert.Contains(study.GoalMet ? "Verdict:</strong> goal (the whole pool&#39;s MSE with at most 60% of the sites) met" : "60% of the sites) not met", report.Page);
        Assert.Contains(report.Headlines, h => h.StartsWith("Acquisition by uncertainty (2 repeat(s)): goal"));
        // The figure's table holds every point of every order's curve.
        var rows = File.ReadAllLines(Path.Combine(report.Folder, ReportFigures.Folder, "acquisition-sites.csv"));
        Assert.Equal("order,sites,mse_mean,mse_sd,hours_mean,hours_sd", rows[0]);
        Assert.Equal(study.Curves.Sum(c => c.Points.Count), rows.Length - 1);
        Assert.Contains(rows, r => r.StartsWith($"largest spread per hour,{study.LargestPool},"));
    }

    [Fact]
    public void EachMaterialsSimulationIsSetAgainstItsGroundStateAndPredictions()
    {
        var lines = File.ReadAllLines(Path.Combine(report.Folder, ReportFigures.Folder, "cost.csv"));
        Assert.Equal("material,sites,ground_state_s,core_hole_s,prediction_s,simulate_s,predict_s,ratio", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        var numbers = rows.Select(row => row.Select(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToArray()).ToList();
        Assert.Equal(report.Summary.CrystallineSites + report.Summary.AmorphousSites + report.Summary.OxideSites, numbers.Sum(n => n[1]));
        foreach (var n in numbers)
        {
            var (sites, groundState, coreHole, predict) = (n[1], n[2], n[3], n[4]);
            Assert.True(predict > 0, "the prediction was timed");
            Assert.Equal(groundState + coreHole, n[5], 1e-6 * n[5]);
            Assert.Equal(groundState + sites * predict, n[6], 1e-6 * n[6]);
            Assert.Equal(n[5] / n[6], n[7], 1e-6 * n[7]);
        }
    }

    [Fact]
    public void TheAmorphousCellsAreShownWithTheirChecks()
    {
        Assert.Contains("<td>a-SiO2-72-s2</td><td>72</td><td>2.200</td><td>1.611</td><td>100%</td><td>100%</td>", report.Page);
        Assert.Contains("1e12 K/s", report.Page);
        var rdf = File.ReadAllLines(Path.Combine(report.Folder, ReportFigures.Folder, "amorphous-rdf.csv"));
        Assert.Equal("cell,r_angstrom,g_Si_Si,g_Si_O,g_O_O,g_total", rdf[0]);
        Assert.Equal(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "amorphous", "a-SiO2-72-s2.rdf.csv")).Length, rdf.Length);
    }

    [Fact]
    public void SortedMseCsvMatchesThePredictions()
    {
        var test = new ResultFiles(report.Folder).ReadPredictions(Evaluations.CrystallineConduction)!;
        var all = File.ReadAllLines(Path.Combine(report.Folder, ReportFigures.Folder, "fig2a.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var rows = all.Where(r => r[0] == "crystalline test (paper's MLP)").ToList();
        Assert.Equal(test.Count, rows.Count);
        Assert.Equal(5 * test.Count, all.Count); // and each of the four baselines on the same sites
        Assert.Equal(test.Select(p => p.Mse).Order(), rows.Select(r => double.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, report.Page.Split("fraction below 0.4").Length - 1);   // the tables of Fig. 2a, 3a and Supp. Fig. 1
    }

    [Fact]
    public void EachOxideCompoundIsPredictedWithoutItsPolymorphsAndTheTransferOxidesByBothModels()
    {
        var results = new ResultFiles(report.Folder);
        var sites = ReproductionSites.Synthetic(crystalline: 30, amorphous: 12, seed: 4); // the fixture's
        var others = sites.OtherOxides!;
        var materials = results.ReadCompounds();
        Assert.Equal(others.Select(s => s.Material).Concat(sites.Oxides.Select(s => s.Material)).Distinct().Order(), materials.Select(m => m.Material).Order());
        // The synthetic MgO polymorphs leave together, with the transfer oxide MgO: one fit, trained without any MgO.
        var magnesia = materials.Where(m => m.Formula == "MgO").ToList();
        Assert.Equal(["MgO", "MgO-s0", "MgO-s1"], magnesia.Select(m => m.Material).Order());
        Assert.Single(magnesia.Select(m => (m.Fit, m.TrainingSites)).Distinct());
        Assert.Equal(sites.Crystalline.Count + others.Count(s => s.Origin!.Formula != "MgO"), magnesia[0].TrainingSites);
        // Transfer formulas the oxide campaign lacks share the whole-pool fit.
        var wholePool = materials.Where(m => m.Formula is "Al2O3" or "Li2O" or "GeO2" or "SrTiO3").ToList();
        Assert.Single(wholePool.Select(m => m.Fit).Distinct());
        Assert.All(wholePool, m => Assert.Equal(sites.Crystalline.Count + others.Count, m.TrainingSites));

        var byCompound = results.ReadPredictions(Evaluations.ByCompound)!;
        Assert.Equal(others.Select(s => s.Id).Order(), byCompound.Select(p => p.Id).Order());
        foreach (var kind in new[] { "mean", "knn", "ridge", "input" })
            Assert.Equal(byCompound.Select(p => p.Id), results.ReadPredictions(Evaluations.Baseline(Evaluations.ByCompound, kind))!.Select(p => p.Id));
        var silica = results.ReadPredictions(Evaluations.TransferSilicaOnly)!;
        var all = results.ReadPredictions(Evaluations.TransferAllOxides)!;
        Assert.Equal(sites.Oxides.Select(s => s.Id).Order(), silica.Select(p => p.Id).Order());
        Assert.Equal(silica.Select(p => p.Id).Order(), all.Select(p => p.Id).Order());
        Assert.All(silica, s => Assert.NotEqual(s.Predicted, all.Single(a => a.Id == s.Id).Predicted)); // trained on different sites

        // The figure's numbers are each compound's mean site MSE, ranked by the default predictor's.
        var rows = File.ReadAllLines(Path.Combine(report.Folder, ReportFigures.Folder, "compounds-mse.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var model = rows.Where(r => r[2] == "default predictor").ToList();
        Assert.Equal(["BaO", "MgO", "TiO2"], model.Select(r => r[1]).Order());
        foreach (var r in model)
            Assert.Equal(byCompound.Where(p => p.Material.StartsWith(r[1] + "-")).Average(p => p.Mse), double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(model.Select(r => double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)).Order(), model.Select(r => double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(5 * 3, rows.Count); // and the four baselines
        Assert.Contains("3 compounds (5 structures", report.Page);
        Assert.Contains(report.Headlines, h => h.StartsWith("Leave-one-compound-out over 3 oxide compounds"));
        foreach (var oxide in ReproductionSites.TransferOxides)
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(report.Folder, ReportFigures.Folder), $"compounds-{oxide}-*.png"));
    }

    [Fact]
    public void EveryCsvRowHasTheHeadersFieldsWithCommasInLabelsQuoted()
    {
        static int Fields(string line) => System.Text.RegularExpressions.Regex.Matches(line, "(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)").Count;
        foreach (var csv in Directory.GetFiles(Path.Combine(report.Folder, ReportFigures.Folder), "*.csv"))
        {
            var lines = File.ReadAllLines(csv);
            Assert.All(lines.Skip(1), line => Assert.True(Fields(line) == Fields(lines[0]), $"{Path.GetFileName(csv)}: {line}"));
        }
        Assert.Contains("\"amorphous, without band gap\",1,", File.ReadAllText(Path.Combine(report.Folder, ReportFigures.Folder, "fig3a.csv")));
    }

    [Fact]
    public void AFewSitesSayWhatIsMissingInsteadOfTraining()
    {
        var folder = Directory.CreateTempSubdirectory("corehole-report-few-").FullName;
        var sites = ReproductionSites.Synthetic(crystalline: 3, amorphous: 1, seed: 5);
        var trainer = new ModelTrainer(Path.Combine(folder, "work"), SearchSpace.Quick, (_, _, _) => throw new UnreachableException("nothing is trained"), _ => { });
        var summary = new Reproduction(trainer, new ResultFiles(folder), _ => { }).Run(sites);
        Assert.Empty(summary.Models);
        foreach (var section in new[] { Evaluations.Fig2, Evaluations.Fig3, Evaluations.SuppFig1, Evaluations.Fig4, Evaluations.SuppFig3, Evaluations.Search, Evaluations.GroupCv, Evaluations.Compounds, Evaluations.AcquisitionStudy })
            Assert.Contains("only", summary.Missing[section]);
        ReportPage.Write(folder);
        var page = File.ReadAllText(Path.Combine(folder, ReportPage.FileName));
        Assert.Equal(11, page.Split("Not in the dataset yet").Length - 1);   // every section but the cost, which has wall times
        Assert.Contains("only 3 crystalline SiO2 sites", page);
        Assert.Contains("./corehole simulate --manifest data/structures/campaign.txt", page);
        Assert.True(File.Exists(Path.Combine(folder, ReportFigures.Folder, "cost.png")));
    }
}
