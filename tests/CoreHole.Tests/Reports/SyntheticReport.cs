using CoreHole.Evaluation;
using CoreHole.Training;
using CoreHole.Reports;
using CoreHole.Paper;

namespace CoreHole.Tests.Reports;

/// <summary>One quick reproduction on synthetic sites, shared by the tests: every figure of the report is made from it.</summary>
public sealed class SyntheticReport
{
    public SyntheticReport()
    {
        Folder = Directory.CreateTempSubdirectory("corehole-report-").FullName;
        var trainer = new ModelTrainer(Path.Combine(Folder, "work"), SearchSpace.Quick,
            (runner, pending, _) => new LocalSearchExecutor(runner, 2).Run(pending, new Progress<SearchJobResult>(), CancellationToken.None), Log.Add);
        var sites = ReproductionSites.Synthetic(crystalline: 30, amorphous: 12, seed: 4)
            with { AmorphousCells = [Path.Combine(AppContext.BaseDirectory, "data", "amorphous", "a-SiO2-72-s2.json")] };
        // 30 sites: the acquisition study starts from 8 of a fold's 24 and adds 4 at a time.
        Summary = new Reproduction(trainer, new ResultFiles(Folder), Log.Add, new Acquisition.Settings(Repeats: 2, Start: 8, Step: 4)).Run(sites);
        Headlines = ReportPage.Write(Folder);
        Page = File.ReadAllText(Path.Combine(Folder, ReportPage.FileName));
    }

    public string Folder { get; }
    public List<string> Log { get; } = [];
    public ReproductionSummary Summary { get; }
    public IReadOnlyList<string> Headlines { get; }
    public string Page { get; }
}
