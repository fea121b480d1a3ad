using System.Reflection;
using NetArchTest.Rules;

namespace CoreHole.Tests.Architecture;

/// <summary>
/// Checks an assembly against a layer order: a type may use its own layer and the layers below it, never one above.
/// A layer is a namespace with everything under it, except the namespaces of other layers nested in it
/// (CoreHole.Simulation excludes CoreHole.Simulation.Engines, which sits above it).
/// </summary>
public static class LayerRules
{
    /// <summary>One line per type that uses a layer above its own, naming the type and the layers it must not use; empty when the order holds.</summary>
    public static IReadOnlyList<string> BackArrows(Assembly assembly, IReadOnlyList<string> layersLowToHigh)
    {
        var arrows = new List<string>();
        for (var i = 0; i < layersLowToHigh.Count - 1; i++)
        {
            var layer = layersLowToHigh[i];
            var above = layersLowToHigh.Skip(i + 1).ToArray();
            var result = TypesOf(assembly, layer, layersLowToHigh).ShouldNot().HaveDependencyOnAny(above).GetResult();
            arrows.AddRange((result.FailingTypeNames ?? []).Select(t => $"{t} (layer {layer}) uses a layer above it: one of {string.Join(", ", above)}"));
        }
        return arrows;
    }

    /// <summary>The library's namespaces that belong to no layer: a new folder must take its place in the order.</summary>
    public static IReadOnlyList<string> Unlayered(Assembly assembly, IReadOnlyList<string> layers) =>
        assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("CoreHole.", StringComparison.Ordinal))
            .Where(n => !layers.Any(l => Contains(l, n))).Distinct().Order().ToList();

    static PredicateList TypesOf(Assembly assembly, string layer, IReadOnlyList<string> layers)
    {
        var types = Types.InAssembly(assembly).That().ResideInNamespace(layer);
        foreach (var nested in layers.Where(l => l != layer && Contains(layer, l)))
            types = types.And().DoNotResideInNamespace(nested);
        return types;
    }

    static bool Contains(string layer, string ns) => ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal);
}
