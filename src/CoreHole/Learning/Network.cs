using CoreHole.Learning.Layers;

namespace CoreHole.Learning;

/// <summary>
/// The paper's multilayer perceptron: Dense → ReLU for each hidden layer, dropout after every hidden layer except
/// the last (the one linked to the output layer), and a linear Dense output layer. All weights and biases sit in
/// one flat vector, layer after layer, so the optimiser, the model file and the tests each see one array.
/// </summary>
internal sealed class Network
{
    readonly ILayer[] layers;
    Matrix[] values = [], gradients = []; // values[i] feeds layers[i]; values[^1] is the output

    /// <param name="widths">Input width, hidden widths, output width.</param>
    public Network(IReadOnlyList<int> widths, float dropoutRate, SeededRandom random, WorkerTeam? team)
    {
        Widths = [.. widths];
        DropoutRate = dropoutRate;
        int count = 0;
        for (int i = 0; i + 1 < Widths.Length; i++) count += Dense.ParameterCount(Widths[i], Widths[i + 1]);
        Parameters = new float[count];
        Gradients = new float[count];

        var stages = new List<ILayer>();
        var dense = new List<Dense>();
        int offset = 0, hiddenLayers = Widths.Length - 2;
        for (int i = 0; i + 1 < Widths.Length; i++)
        {
            var layer = new Dense(Widths[i], Widths[i + 1], Parameters, Gradients, offset, team);
            offset += Dense.ParameterCount(Widths[i], Widths[i + 1]);
            layer.Initialise(random);
            dense.Add(layer);
            stages.Add(layer);
            if (i == hiddenLayers) break; // the output layer is linear
            stages.Add(new Relu(Widths[i + 1]));
            if (i < hiddenLayers - 1 && dropoutRate > 0) stages.Add(new Dropout(Widths[i + 1], dropoutRate, random));
        }
        layers = [.. stages];
        DenseLayers = [.. dense];
    }

    public int[] Widths { get; }
    public float DropoutRate { get; }
    public float[] Parameters { get; }
    public float[] Gradients { get; }
    internal Dense[] DenseLayers { get; }
    internal IReadOnlyList<ILayer> Layers => layers;

    /// <summary>Where the caller puts a batch, one sample per row, before <see cref="Forward"/>.</summary>
    public Matrix Input => values[0];

    /// <summary>Where the loss puts ∂loss/∂output before <see cref="Backward"/>.</summary>
    public Matrix OutputGradient => gradients[^1];

    /// <summary>Sizes the per-layer buffers for batches of up to <paramref name="rows"/> rows.</summary>
    public void Reserve(int rows)
    {
        if (values.Length > 0 && values[0].Rows >= rows) return;
        values = new Matrix[layers.Length + 1];
        gradients = new Matrix[layers.Length + 1];
        values[0] = new Matrix(rows, layers[0].InputWidth);
        gradients[0] = new Matrix(0, 0); // ∂loss/∂input is never needed
        for (int i = 0; i < layers.Length; i++)
        {
            values[i + 1] = new Matrix(rows, layers[i].OutputWidth);
            gradients[i + 1] = new Matrix(rows, layers[i].OutputWidth);
        }
    }

    /// <summary>Runs the first <paramref name="rows"/> rows of <see cref="Input"/> through the network.</summary>
    public Matrix Forward(int rows, bool training)
    {
        for (int i = 0; i < layers.Length; i++) layers[i].Forward(values[i], values[i + 1], rows, training);
        return values[^1];
    }

    /// <summary>Back-propagates <see cref="OutputGradient"/>, overwriting <see cref="Gradients"/>.</summary>
    public void Backward(int rows)
    {
        for (int i = layers.Length - 1; i >= 0; i--)
            layers[i].Backward(values[i], values[i + 1], gradients[i + 1], i == 0 ? null : gradients[i], rows);
    }
}
