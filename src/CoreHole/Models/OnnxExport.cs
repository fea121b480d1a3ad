using System.Globalization;
using CoreHole.Formats;
using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>
/// A fitted model as one ONNX graph: input <c>pdos</c> [batch, inputs], the site's input exactly as CoreHole's
/// featurizer makes it (the preprocessing is in the metadata, not in the graph); outputs <c>mean</c> and <c>spread</c>
/// [batch, outputs], what <see cref="ISpectrumModel.Predict"/> returns. The kinds whose prediction is a fixed
/// formula export: the deep ensemble and ridge plus residual networks (every member's network and smooth output,
/// then their mean and standard deviation times the spread scale), ridge regression and the mean spectrum (spread zero). The others (nearest
/// neighbours, the input as spectrum, the paper's MLP) are refused.
/// </summary>
public static class OnnxExport
{
    public const string InputName = "pdos", MeanName = "mean", SpreadName = "spread";

    public static IReadOnlyList<string> Kinds { get; } = [DeepEnsemble.KindName, RidgeResidualEnsemble.KindName, RidgeRegression.KindName, MeanSpectrum.KindName];

    /// <param name="modelFile">The model's file, named in a refusal.</param>
    public static void Write(string path, string modelFile, ISpectrumModel model, Preprocessing preprocessing)
    {
        var state = model.State();
        var graph = new OnnxGraph($"corehole_{state.Kind}");
        var (mean, spread, outputs) = model switch
        {
            DeepEnsemble => Ensemble(graph, state),
            RidgeResidualEnsemble => RidgeResidual(graph, state),
            RidgeRegression => Linear(graph, state.Array("weights"), state.Array("intercept")),
            MeanSpectrum => Fixed(graph, state.Array("mean")),
            _ => throw new InputError(modelFile, null,
                $"a '{model.Kind}' model has no ONNX export (its prediction is not a fixed formula); these kinds export: {string.Join(", ", Kinds)}"),
        };
        graph.Output(MeanName, mean, outputs, "the predicted spectrum on the grid 'output' of the metadata");
        graph.Output(SpreadName, spread, outputs, "one standard deviation of the prediction at each energy (zero for a model without uncertainty)");
        graph.Write(path, Release.Version, $"CoreHole {state.Kind} model: O K-edge spectrum from the site's ground-state O-p PDOS", Metadata(state, preprocessing));
    }

    /// <summary>The deep ensemble: member m is B·softplus(z_m(x)).</summary>
    static (string Mean, string Spread, int Outputs) Ensemble(OnnxGraph g, ModelState state) =>
        Members(g, state, "member_{0}", (m, z, basis, _) => g.Node("MatMul", [g.Node("Softplus", [z]), basis]));

    /// <summary>Ridge plus residual networks: member m is max(0, ridge_m(x) + B·z_m(x)), ridge on the raw input.</summary>
    static (string Mean, string Spread, int Outputs) RidgeResidual(OnnxGraph g, ModelState state) =>
        Members(g, state, "member_{0}_network", (m, z, basis, raw) =>
        {
            var ridge = Ridge(g, raw, state.Array($"member_{m}_ridge_weights"), state.Array($"member_{m}_ridge_intercept"), $"m{m}_ridge");
            return g.Node("Relu", [g.Node("Add", [ridge, g.Node("MatMul", [z, basis])])]);
        });

    /// <summary>
    /// An ensemble of one-hidden-layer networks on the standardised input, each network's linear output z turned into
    /// a spectrum by <paramref name="member"/> (given the member, z, Bᵀ and the raw input), then their mean and their
    /// standard deviation times the spread scale, as <see cref="MemberTraining.MeanAndSpread"/>.
    /// </summary>
    static (string Mean, string Spread, int Outputs) Members(OnnxGraph g, ModelState state, string networkArray,
        Func<int, string, string, string, string> member)
    {
        var (members, hidden, outputs) = ((int)state.Parameter("members"), (int)state.Parameter("hidden"), (int)state.Parameter("outputs"));
        var (shift, scale) = (state.Array("input_mean"), state.Array("input_scale"));
        int inputs = shift.Columns;
        var raw = g.Input(InputName, inputs, "the site's input as CoreHole's featurizer makes it");
        var x = g.Node("Div", [g.Node("Sub", [raw, g.Constant("input_mean", shift.Data, inputs)]), g.Constant("input_scale", scale.Data, inputs)]);
        var basis = g.Constant("smooth_basis_t", new GaussianBasis(outputs, state.Parameter("output_sigma_points")).BasisTransposed, outputs, outputs);
        var each = new string[members];
        for (int m = 0; m < members; m++)
        {
            // One member's flat parameters, as Network lays them out: W1 [inputs, hidden], b1, W2 [hidden, outputs], b2.
            var p = state.Array(string.Format(CultureInfo.InvariantCulture, networkArray, m)).Data;
            int expected = (inputs + 1) * hidden + (hidden + 1) * outputs;
            if (p.Length != expected) throw new InvalidOperationException($"member {m} has {p.Length} parameters, not the {expected} of one hidden layer");
            int w2 = (inputs + 1) * hidden;
            var h = g.Node("Relu", [g.Node("Gemm", [x, g.Constant($"m{m}_w1", p.AsSpan(0, inputs * hidden), inputs, hidden),
                g.Constant($"m{m}_b1", p.AsSpan(inputs * hidden, hidden), hidden)])]);
            var z = g.Node("Gemm", [h, g.Constant($"m{m}_w2", p.AsSpan(w2, hidden * outputs), hidden, outputs),
                g.Constant($"m{m}_b2", p.AsSpan(w2 + hidden * outputs, outputs), outputs)]);
            each[m] = member(m, z, basis, raw);
        }
        var perMember = g.Constant("one_over_members", [1f / members], 1);
        var mean = g.Node("Mul", [g.Node("Sum", each), perMember]);
        var squares = each.Select(y => g.Node("Sub", [y, mean])).Select(d => g.Node("Mul", [d, d])).ToArray();
        var variance = g.Node("Mul", [g.Node("Sum", squares), perMember]);
        var spread = g.Node("Mul", [g.Node("Sqrt", [variance]), g.Constant("spread_scale", [(float)state.Parameter("spread_scale")], 1)]);
        return (mean, spread, outputs);
    }

    static (string Mean, string Spread, int Outputs) Linear(OnnxGraph g, Matrix weights, Matrix intercept)
    {
        var input = g.Input(InputName, weights.Rows, "the site's input as CoreHole's featurizer makes it");
        var mean = Ridge(g, input, weights, intercept, "ridge");
        return (mean, Zero(g, mean), weights.Columns);
    }

    /// <summary>x·W + b summed in float64, as <see cref="RidgeRegression"/> sums it (its weights cancel), then float32.</summary>
    static string Ridge(OnnxGraph g, string input, Matrix weights, Matrix intercept, string label)
    {
        var x = g.Node("Cast", [input], attributes: [("to", (long)OnnxGraph.DoubleType)]);
        var sum = g.Node("Gemm", [x, g.DoubleConstant($"{label}_w", weights.Data, weights.Rows, weights.Columns), g.DoubleConstant($"{label}_b", intercept.Data, intercept.Columns)]);
        return g.Node("Cast", [sum], attributes: [("to", (long)OnnxGraph.FloatType)]);
    }

    /// <summary>The same spectrum for every row: a zero-weight Gemm on one number per row (ArgMax, whatever the input's
    /// width), so that the input sets only the batch size.</summary>
    static (string Mean, string Spread, int Outputs) Fixed(OnnxGraph g, Matrix spectrum)
    {
        var input = g.Input(InputName, null, "any input: the mean spectrum does not depend on it (only its row count is used)");
        var perRow = g.Node("Cast", [g.Node("ArgMax", [input], attributes: [("axis", 1L), ("keepdims", 1L)])], attributes: [("to", 1L)]);
        var mean = g.Node("Gemm", [perRow, g.Constant("zero", new float[spectrum.Columns], 1, spectrum.Columns), g.Constant("mean_spectrum", spectrum.Data, spectrum.Columns)]);
        return (mean, Zero(g, mean), spectrum.Columns);
    }

    static string Zero(OnnxGraph g, string like) => g.Node("Mul", [like, g.Constant("zero_scalar", [0f], 1)]);

    /// <summary>What a user of the file needs to prepare its input and read its outputs, as ONNX metadata_props.</summary>
    static IEnumerable<KeyValuePair<string, string>> Metadata(ModelState state, Preprocessing preprocessing)
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        yield return new("corehole.kind", state.Kind);
        yield return new("corehole.preprocessing", preprocessing.Name);
        foreach (var (key, value) in preprocessing.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            yield return new($"corehole.preprocessing.{key}", N(value));
        foreach (var (key, grid) in preprocessing.Grids.OrderBy(p => p.Key, StringComparer.Ordinal))
            yield return new($"corehole.grid.{key}_ev", string.Join(",", grid.Select(N)));
        foreach (var (key, value) in state.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            yield return new($"corehole.parameter.{key}", N(value));
        yield return new("corehole.outputs", "mean: the predicted spectrum on grid 'output' (eV from the threshold), normalised as the preprocessing's target; " +
            "spread: one standard deviation at each energy");
    }
}
