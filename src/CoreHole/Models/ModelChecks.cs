using CoreHole.Learning;

namespace CoreHole.Models;

/// <summary>The argument checks every model makes, worded once.</summary>
internal static class ModelChecks
{
    public static void RequireFitData(Matrix inputs, Matrix targets, IReadOnlyList<string> groups)
    {
        if (inputs.Rows == 0) throw new InputError("no training samples");
        if (inputs.Rows != targets.Rows) throw new InputError($"{inputs.Rows} training inputs but {targets.Rows} targets");
        if (groups.Count != inputs.Rows) throw new InputError($"{inputs.Rows} training inputs but {groups.Count} group labels");
    }

    public static void RequireWidth(Matrix inputs, int width, string kind)
    {
        if (inputs.Columns != width) throw new InputError($"the {kind} model takes {width} input values per sample, got {inputs.Columns}");
    }

    public static void Require(bool condition, string problem)
    {
        if (!condition) throw new InputError(problem);
    }

    public static InvalidOperationException NotFitted(string kind) => new($"the {kind} model is used before Fit");
}
