namespace CoreHole.Models;

/// <summary>A model whose spread is the disagreement of its members, times a scale that a calibration fits.</summary>
public interface IEnsembleModel : ISpectrumModel
{
    int Members { get; }
    double SpreadScale { get; }

    /// <summary>An unfitted copy whose spread is multiplied by <paramref name="scale"/>.</summary>
    IEnsembleModel WithSpreadScale(double scale);
}
