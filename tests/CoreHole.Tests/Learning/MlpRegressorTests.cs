using CoreHole.Learning;

namespace CoreHole.Tests.Learning;

public class MlpRegressorTests
{
    // A smooth 24 -> 20 map (shifted, blurred curves) that a small MLP learns within a few hundred epochs.
    static (Matrix X, Matrix Y) Curves(int samples, int seed)
    {
        var x = TestData.UniformMatrix(samples, 24, seed, 0, 1);
        var y = new Matrix(samples, 20);
        for (int s = 0; s < samples; s++)
            for (int j = 0; j < 20; j++)
                y[s, j] = 0.5f * x[s, j + 2] + 0.25f * (x[s, j + 1] + x[s, j + 3]);
        return (x, y);
    }

    [Fact]
    public void SameSeedIsBitIdenticalForAnyThreadCount()
    {
        var (x, y) = Curves(70, 1);
        float[] Train(int threads, int seed = 3)
        {
            var regressor = new MlpRegressor([40, 40], weightDecay: 1e-5f, batchSize: 16, epochs: 4, seed: seed, threads: threads);
            regressor.Fit(x, y);
            return regressor.Network!.Parameters;
        }
        var first = Train(1);
        Assert.Equal(first, Train(1));
        Assert.Equal(first, Train(2));
        Assert.NotEqual(first, Train(1, seed: 4));
    }

    [Fact]
    public void IndependentTrainingsSideBySideMatchSequentialOnes()
    {
        var (x, y) = Curves(50, 8);
        MlpRegressor Regressor(int seed) => new([32], batchSize: 16, epochs: 3, seed: seed);
        var jobs = Enumerable.Range(0, 3).Select(seed => new TrainingJob(Regressor(seed), x, y)).ToArray();

        Trainings.FitAll(jobs, concurrency: 2);

        for (int seed = 0; seed < jobs.Length; seed++)
        {
            var alone = Regressor(seed);
            alone.Fit(x, y);
            Assert.Equal(alone.Network!.Parameters, jobs[seed].Regressor.Network!.Parameters);
        }
    }

    [Fact]
    public void TrainingStepsAllocateNothing()
    {
        var (x, y) = Curves(256, 9);
        long Allocated(int epochs)
        {
            var regressor = new MlpRegressor([64, 48], batchSize: 32, epochs: epochs, seed: 1);
            long before = GC.GetAllocatedBytesForCurrentThread();
            regressor.Fit(x, y);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Allocated(1); // JIT and first-call allocations
        long perExtraEpochs = Allocated(9) - Allocated(1); // 8 epochs of 8 batches each
        Assert.True(perExtraEpochs < 1024, $"64 extra training steps allocated {perExtraEpochs} bytes");
    }

    [Fact]
    public void LearnsASmoothMap()
    {
        var (x, y) = Curves(200, 2);
        var (testX, testY) = Curves(50, 3);
        var regressor = new MlpRegressor([64, 64], learningRate: 3e-3f, batchSize: 32, epochs: 150, dropout: 0.1f, seed: 5);
        var history = regressor.Fit(x, y);

        Assert.True(history.TrainingLoss[^1] < history.TrainingLoss[0] / 10, $"training loss {history.TrainingLoss[0]} -> {history.TrainingLoss[^1]}");
        double baseline = testY.Data.Select(v => (v - testY.Data.Average()) * (v - testY.Data.Average())).Average();
        Assert.True(regressor.Score(testX, testY) < baseline / 10, $"test MSE {regressor.Score(testX, testY)}, variance {baseline}");
    }

    [Fact]
    public void EarlyStoppingKeepsTheBestEpoch()
    {
        var (x, y) = Curves(40, 4);
        var (validX, validY) = Curves(40, 5);
        // A large learning rate on few samples overfits quickly, so the validation loss stops improving.
        var regressor = new MlpRegressor([128], learningRate: 3e-2f, batchSize: 8, epochs: 300, dropout: 0, seed: 6);
        var history = regressor.Fit(x, y, validX, validY, patience: 5);

        Assert.True(history.StoppedEarly);
        Assert.Equal(history.BestEpoch + 5 + 1, history.ValidationLoss.Count);
        Assert.Equal(history.ValidationLoss.Min(), history.ValidationLoss[history.BestEpoch]);
        Assert.Equal(history.ValidationLoss[history.BestEpoch], regressor.Score(validX, validY), 12);
    }

    [Theory]
    [InlineData("hidden")]
    [InlineData("learning rate")]
    [InlineData("weight decay")]
    [InlineData("batch size")]
    [InlineData("dropout")]
    public void InvalidHyperparametersAreInputErrors(string parameter)
    {
        var error = Assert.Throws<InputError>(() => parameter switch
        {
            "hidden" => new MlpRegressor([500, 0]),
            "learning rate" => new MlpRegressor([5], learningRate: 0),
            "weight decay" => new MlpRegressor([5], weightDecay: -1e-5f),
            "batch size" => new MlpRegressor([5], batchSize: 0),
            _ => new MlpRegressor([5], dropout: 1),
        });
        Assert.Contains(parameter, error.Message);
    }

    [Fact]
    public void MismatchedDataAreInputErrors()
    {
        var (x, y) = Curves(10, 7);
        var regressor = new MlpRegressor([8], epochs: 1);
        Assert.Throws<InputError>(() => regressor.Fit(x, new Matrix(9, 20)));
        Assert.Throws<InputError>(() => regressor.Fit(x, y, patience: 3));
        regressor.Fit(x, y);
        Assert.Throws<InputError>(() => regressor.Predict(new Matrix(2, 23)));
    }
}
