using CoreHole.Datasets;
using CoreHole.Learning;
using CoreHole.Training;

namespace CoreHole.Tests.Pipeline;

public class SearchTests
{
    static (string Path, Dataset Data) SyntheticDataset(int sites, int seed)
    {
        var data = Dataset.Build(SyntheticSites.Make(sites, seed), Featurizer.Default, seed);
        var path = Path.Combine(Directory.CreateTempSubdirectory("corehole-search-").FullName, "d.h5");
        DatasetFile.Write(path, data);
        return (path, data);
    }

    static SearchSettings Settings(string path, string split = Splits.Paper, int epochs = 4) =>
        new(path, SearchFolder.Sha256(path), "band-gap", split, 5, 1e-3f, 32, epochs, 2, 0.5f, 0);

    [Fact]
    public void SpaceIsEighteenArchitecturesTimesSixDecays()
    {
        Assert.Equal(108, SearchSpace.Combinations.Count);
        Assert.Equal(108, SearchSpace.Combinations.Select(c => $"{c.HiddenText}/{c.WeightDecay}").Distinct().Count());
        Assert.Equal([1024, 1024, 1024], SearchSpace.Combinations[^1].Hidden);
        Assert.Equal(0f, SearchSpace.Combinations[^1].WeightDecay);
        Assert.Equal("c107-f4", new SearchJob(SearchSpace.Combinations[107], 4).Id);
        Assert.Equal(SearchSpace.Combinations[17], SearchJob.Parse("c017-f3", 5).Combination);
        Assert.Throws<InputError>(() => SearchJob.Parse("c108-f0", 5));
        Assert.Throws<InputError>(() => SearchJob.Parse("c001-f5", 5));
    }

    [Fact]
    public void FlopsCountForwardAndBothGradients()
    {
        // 160 -> 64 -> 160: forward 2*(160*64 + 64*160) = 40960; training adds dW for both and dx for the second.
        Assert.Equal(40960, NetworkFlops.Forward([160, 64, 160]));
        Assert.Equal(40960 * 3 - 2 * 160 * 64, NetworkFlops.Training([160, 64, 160]));
    }

    [Fact]
    public void AJobRunByIdInAnotherFolderGivesTheSameResult()
    {
        var (path, _) = SyntheticDataset(40, 4);
        var job = SearchJob.Parse("c019-f2", 5);
        var a = new SearchJobRunner(SearchFolder.Create(Directory.CreateTempSubdirectory().FullName, Settings(path))).Run(job);
        var folder = SearchFolder.Create(Directory.CreateTempSubdirectory().FullName, Settings(path));
        var b = new SearchJobRunner(SearchFolder.Open(folder.Folder)).Run(job);
        Assert.Equal(a with { Seconds = 0 }, b with { Seconds = 0 });
        Assert.Equal(b, folder.Result(job));
        // 40 sites: 4 test, 18 + 18 cross-validated in 5 folds of 7 or 8; the job's fold validates on its own sites.
        Assert.Equal(36, a.TrainingSamples + a.ValidationSamples);
        int[] widths = [210, 256, 160]; // combination 19: architecture 3 (one layer of 256), weight decay 1e-6
        Assert.Equal(job.Combination.Hidden, widths[1..^1]);
        Assert.Equal(a.EpochsRun * (a.TrainingSamples * NetworkFlops.Training(widths) + a.ValidationSamples * NetworkFlops.Forward(widths)), a.Flops);
    }

    [Fact]
    public void AFolderRefusesOtherSettingsAndAChangedDataset()
    {
        var (path, data) = SyntheticDataset(20, 5);
        var folder = Directory.CreateTempSubdirectory().FullName;
        SearchFolder.Create(folder, Settings(path));
        Assert.Throws<InputError>(() => SearchFolder.Create(folder, Settings(path, epochs: 5)));
        DatasetFile.Write(path, Dataset.Build(data.Records.Take(19).ToList(), Featurizer.Default, 5));
        var e = Assert.Throws<InputError>(() => SearchJobRunner.LoadDataset(Settings(path) with { DatasetSha256 = SearchFolder.Open(folder).Settings.DatasetSha256 }));
        Assert.Contains("the dataset changed", e.Message);
    }

    [Fact]
    public void SummaryAveragesFoldsWithSampleStandardDeviation()
    {
        var score = new CombinationScore(SearchSpace.Combinations[0], [1, 2, 3, 4, 5], 10);
        Assert.Equal(3, score.Mean);
        Assert.Equal(Math.Sqrt(2.5), score.Std, 12);
    }

    [Fact]
    public void TrainingLearnsTheSyntheticRelation()
    {
        var (path, data) = SyntheticDataset(240, 6);
        var settings = Settings(path, Splits.Group, epochs: 200) with { Patience = 15 };
        var (model, report) = FinalTraining.Run(data, settings, new Combination(-1, [128], 1e-6f));
        var test = data.Indices(Splits.Group, Part.Test);
        var train = data.Indices(Splits.Group, Part.Train);
        // Baseline: predict every test spectrum as the mean training spectrum.
        var mean = new float[data.Targets.Columns];
        foreach (var i in train) for (int k = 0; k < mean.Length; k++) mean[k] += data.Targets[i, k] / train.Length;
        double baseline = test.Average(i => Enumerable.Range(0, mean.Length).Average(k => Math.Pow(data.Targets[i, k] - mean[k], 2)));
        Assert.InRange(report.TestSamples, 24, 26); // whole materials of 1-3 sites make the tenth approximate
        Assert.True(report.TestMse < 0.35 * baseline, $"test MSE {report.TestMse} vs mean-spectrum baseline {baseline}");
        Assert.Equal(report.TestMse!.Value, model.Score(Dataset.Rows(data.Inputs[InputVariant.BandGap], test), Dataset.Rows(data.Targets, test)), 12);
    }
}
