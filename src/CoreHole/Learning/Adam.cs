using CoreHole.Learning.Kernels;

namespace CoreHole.Learning;

/// <summary>
/// Adam as PyTorch's torch.optim.Adam(lr, betas, eps, weight_decay) computes it, including its coupled L2 weight
/// decay (weight_decay·w is added to the gradient before the moments, unlike AdamW). One pass over the flat
/// parameter vector per step, split into parts for a <see cref="WorkerTeam"/>.
/// </summary>
internal sealed class Adam : IParallelWork
{
    const int PartLength = 1 << 14;

    readonly float[] parameters, gradients, firstMoment, secondMoment;
    readonly float learningRate, weightDecay, beta1, beta2, epsilon;
    int step;
    float stepSize, scaledEpsilon;

    public Adam(float[] parameters, float[] gradients, float learningRate, float weightDecay,
        float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        if (gradients.Length != parameters.Length) throw new ArgumentException("one gradient per parameter");
        (this.parameters, this.gradients) = (parameters, gradients);
        (this.learningRate, this.weightDecay, this.beta1, this.beta2, this.epsilon) =
            (learningRate, weightDecay, beta1, beta2, epsilon);
        firstMoment = new float[parameters.Length];
        secondMoment = new float[parameters.Length];
    }

    public int PartCount => (parameters.Length + PartLength - 1) / PartLength;

    /// <summary>Updates every parameter from the gradients of the last backward pass.</summary>
    public void Step(WorkerTeam? team)
    {
        step++;
        // PyTorch: w -= lr/c1 · m / (√v/√c2 + ε) with c_i = 1 − βᵢ^step, its bias corrections computed in double.
        // The same as w -= (lr·√c2/c1) · m / (√v + ε·√c2): one division per element instead of two.
        double secondCorrectionRoot = Math.Sqrt(1 - Math.Pow(beta2, step));
        stepSize = (float)(learningRate * secondCorrectionRoot / (1 - Math.Pow(beta1, step)));
        scaledEpsilon = (float)(epsilon * secondCorrectionRoot);
        if (team is null)
            for (int part = 0; part < PartCount; part++) RunPart(part);
        else
            team.Run(this);
    }

    public void RunPart(int part)
    {
        int start = part * PartLength, length = Math.Min(PartLength, parameters.Length - start);
        var kernel = new Update(this, start, length);
        Elementwise.Run(ref kernel);
    }

    ref struct Update(Adam adam, int start, int length) : IElementwiseKernel
    {
        readonly Span<float> w = adam.parameters.AsSpan(start, length), m = adam.firstMoment.AsSpan(start, length),
            v = adam.secondMoment.AsSpan(start, length);
        readonly ReadOnlySpan<float> g = adam.gradients.AsSpan(start, length);
        readonly Adam adam = adam;

        public readonly int Length => w.Length;

        public readonly void Apply<TSimd, TVec>(int i) where TSimd : ISimd<TVec> where TVec : struct
        {
            TVec weight = TSimd.Load(in w[i]);
            TVec grad = TSimd.MultiplyAdd(TSimd.Broadcast(adam.weightDecay), weight, TSimd.Load(in g[i]));
            TVec first = TSimd.Add(TSimd.Multiply(TSimd.Broadcast(adam.beta1), TSimd.Load(in m[i])),
                TSimd.Multiply(TSimd.Broadcast(1 - adam.beta1), grad));
            TVec second = TSimd.Add(TSimd.Multiply(TSimd.Broadcast(adam.beta2), TSimd.Load(in v[i])),
                TSimd.Multiply(TSimd.Broadcast(1 - adam.beta2), TSimd.Multiply(grad, grad)));
            TVec denominator = TSimd.Add(TSimd.Sqrt(second), TSimd.Broadcast(adam.scaledEpsilon));
            TVec update = TSimd.Multiply(TSimd.Broadcast(adam.stepSize), TSimd.Divide(first, denominator));
            TSimd.Store(first, ref m[i]);
            TSimd.Store(second, ref v[i]);
            TSimd.Store(TSimd.Subtract(weight, update), ref w[i]);
        }
    }
}
