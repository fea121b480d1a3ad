using System.Numerics.Tensors;

namespace CoreHole.Learning.Layers;

/// <summary>
/// Inverted dropout: in training each element is zeroed with probability <c>rate</c> and the survivors are scaled
/// by 1/(1 − rate), so the expected output equals the input and inference is the identity.
/// </summary>
internal sealed class Dropout(int width, float rate, SeededRandom random) : ILayer
{
    float[] mask = []; // 0 or 1/(1 − rate) per element of the last training batch

    public int InputWidth => width;
    public int OutputWidth => width;
    public float Rate => rate;

    public void Forward(Matrix input, Matrix output, int rows, bool training)
    {
        var x = input.Data.AsSpan(0, rows * width);
        var y = output.Data.AsSpan(0, rows * width);
        if (!training)
        {
            x.CopyTo(y);
            return;
        }
        if (mask.Length < x.Length) mask = new float[x.Length];
        var m = mask.AsSpan(0, x.Length);
        random.NextFloats(m);
        float keep = 1 / (1 - rate);
        foreach (ref float value in m) value = value < rate ? 0 : keep;
        TensorPrimitives.Multiply(x, m, y);
    }

    public void Backward(Matrix input, Matrix output, Matrix outputGradient, Matrix? inputGradient, int rows)
    {
        if (inputGradient is null) return;
        int length = rows * width;
        TensorPrimitives.Multiply(outputGradient.Data.AsSpan(0, length), mask.AsSpan(0, length),
            inputGradient.Data.AsSpan(0, length));
    }
}
