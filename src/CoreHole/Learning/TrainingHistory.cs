namespace CoreHole.Learning;

/// <summary>What a <see cref="MlpRegressor.Fit"/> did, epoch by epoch.</summary>
/// <param name="TrainingLoss">Mean training-mode loss (with dropout) over each epoch's batches.</param>
/// <param name="ValidationLoss">Inference-mode loss on the validation set after each epoch; empty without one.</param>
/// <param name="BestEpoch">Epoch (0-based) whose weights the regressor kept: the lowest validation loss, else the last.</param>
/// <param name="StoppedEarly">True when early stopping ended the training before the epoch limit.</param>
public sealed record TrainingHistory(
    IReadOnlyList<double> TrainingLoss, IReadOnlyList<double> ValidationLoss, int BestEpoch, bool StoppedEarly);
