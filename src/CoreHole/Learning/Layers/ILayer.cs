namespace CoreHole.Learning.Layers;

/// <summary>
/// One stage of the network on a batch: the first <c>rows</c> rows of its matrices are the batch (buffers are sized
/// for the largest batch, so nothing is allocated per batch).
/// </summary>
internal interface ILayer
{
    int InputWidth { get; }
    int OutputWidth { get; }

    void Forward(Matrix input, Matrix output, int rows, bool training);

    /// <summary>
    /// From ∂loss/∂output, writes ∂loss/∂input (unless <paramref name="inputGradient"/> is null: the first layer's
    /// is never needed) and overwrites the gradients of the layer's own parameters, if it has any.
    /// <paramref name="input"/> and <paramref name="output"/> are those of the last training-mode forward pass.
    /// </summary>
    void Backward(Matrix input, Matrix output, Matrix outputGradient, Matrix? inputGradient, int rows);
}
