namespace CoreHole.Datasets;

/// <summary>The paper's three ways of feeding a site's ground-state PDOS to the network ("Results").</summary>
public enum InputVariant
{
    /// <summary>Fig. 2: the O-p PDOS aligned at the CBM, -1 to 14.9 eV (160 values).</summary>
    Conduction,
    /// <summary>Fig. 3: the PDOS from the mid-gap upward (its leading zeros encode half the gap), then the conduction input.</summary>
    BandGap,
    /// <summary>The PDOS from -20 to 14.9 eV around the mid-gap (350 values): valence and conduction bands.</summary>
    Valence,
}

public static class InputVariants
{
    public static IReadOnlyList<InputVariant> All { get; } = Enum.GetValues<InputVariant>();

    /// <summary>The name used on the command line, in dataset files and in model files.</summary>
    public static string Name(this InputVariant variant) => variant switch
    {
        InputVariant.Conduction => "conduction",
        InputVariant.BandGap => "band-gap",
        _ => "valence",
    };

    public static InputVariant Parse(string text)
    {
        foreach (var variant in All)
            if (variant.Name() == text.Trim().ToLowerInvariant()) return variant;
        throw new InputError($"unknown input variant '{text}': use {string.Join(", ", All.Select(v => v.Name()))}");
    }
}
