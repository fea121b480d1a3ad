using System.Globalization;
using CoreHole.Spectra;

namespace CoreHole.Datasets;

/// <summary>
/// Turns a site's PDOS and spectrum into the network's input and target vectors, the same way for every record, for
/// training and for prediction. Each curve is Gaussian-broadened by <see cref="SigmaEv"/> (standard deviation),
/// aligned at its threshold and sampled every 0.1 eV; intensities are then scaled by a named normalisation and a
/// fixed factor.
/// </summary>
/// <remarks>
/// Choices the paper leaves open, made here and recorded in every dataset and model file:
/// <list type="bullet">
/// <item>Intensity scale: by default each PDOS and each spectrum has unit area over its [-1, 15) eV window, times
/// <see cref="IntensityScale"/> = 16, so the mean intensity over the window is 1 and MSEs are on an O(1) scale.
/// The PDOS factor is found on the conduction window and applied to the band-gap and valence segments too.</item>
/// <item>Band-gap input: <see cref="GapPoints"/> values from the mid-gap upward (mid-gap + 0, 0.1, ... eV), then
/// the conduction input. For a half-gap below <see cref="GapWindowEv"/> the leading (near-)zeros count half the gap
/// and the rest reaches into the conduction band; a half-gap beyond the window would saturate, so a dataset refuses it.</item>
/// <item>A projwfc PDOS starts below the lowest band, so below its first energy the DOS is zero. Above its last energy
/// the bands have ended: a window reaching there is an error unless <see cref="ZeroAboveData"/> (then zero, and the
/// record is flagged).</item>
/// </list>
/// </remarks>
public sealed record Featurizer(
    double SigmaEv, Normalization InputNormalization, Normalization TargetNormalization, double IntensityScale, double GapWindowEv,
    bool ZeroAboveData = false)
{
    public static Featurizer Default { get; } =
        new(0.5, new Normalization.UnitArea(-1, 15), new Normalization.UnitArea(-1, 15), 16, 5.0);

    public static EnergyGrid ConductionGrid => EnergyGrid.Conduction;
    public static EnergyGrid ValenceGrid => EnergyGrid.Valence;
    public static EnergyGrid TargetGrid => EnergyGrid.Conduction;

    public int GapPoints => (int)Math.Round(GapWindowEv / ConductionGrid.Step);

    /// <summary>Energies of the band-gap segment relative to the mid-gap.</summary>
    public EnergyGrid GapGrid => new(0, ConductionGrid.Step, GapPoints);

    public int InputLength(InputVariant variant) => variant switch
    {
        InputVariant.Conduction => ConductionGrid.Count,
        InputVariant.BandGap => GapPoints + ConductionGrid.Count,
        _ => ValenceGrid.Count,
    };

    /// <summary>The input vector of <paramref name="variant"/> for a PDOS on its absolute scale with its run's band edges.</summary>
    public float[] Input(InputVariant variant, Curve pdos, BandEdges edges, string source)
    {
        var conduction = Window(pdos, edges.Cbm, ConductionGrid, source);
        var factor = ScaleOf(InputNormalization, conduction, source, "PDOS");
        return variant switch
        {
            InputVariant.Conduction => Scaled(factor, conduction),
            InputVariant.BandGap => [.. Scaled(factor, Window(pdos, edges.MidGap, GapGrid, source)), .. Scaled(factor, conduction)],
            _ => Scaled(factor, Window(pdos, edges.MidGap, ValenceGrid, source)),
        };
    }

    /// <summary>The target vector: the spectrum aligned at its threshold on <see cref="TargetGrid"/>, normalised.</summary>
    public float[] Target(Curve spectrum, Threshold threshold, string source)
    {
        Curve window;
        try { window = spectrum.ToAlignedWindow(threshold.EnergyEv, TargetGrid, SigmaEv); }
        catch (InputError e) when (e.File is null) { throw new InputError(source, null, $"spectrum: {e.Problem}", e); }
        return Scaled(ScaleOf(TargetNormalization, window, source, "spectrum"), window);
    }

    /// <summary>Whether the windows of a PDOS reach above its last energy (only allowed with <see cref="ZeroAboveData"/>).</summary>
    public static bool ReachesAboveData(Curve pdos, BandEdges edges) => edges.Cbm + ConductionGrid.Last > pdos.LastEnergy;

    /// <summary>
    /// How records were prepared, as a model file keeps it: the variant and normalisations in the name, the numbers as
    /// parameters, and the energy grids (relative to each segment's zero) so that a mismatch is caught on loading.
    /// </summary>
    public Learning.Preprocessing Describe(InputVariant variant)
    {
        var grids = new Dictionary<string, double[]> { ["output"] = TargetGrid.ToArray() };
        switch (variant)
        {
            case InputVariant.Conduction: grids["input"] = ConductionGrid.ToArray(); break;
            case InputVariant.BandGap: grids["input_gap"] = GapGrid.ToArray(); grids["input"] = ConductionGrid.ToArray(); break;
            default: grids["input"] = ValenceGrid.ToArray(); break;
        }
        var parameters = new Dictionary<string, double>
        {
            ["sigma_ev"] = SigmaEv, ["intensity_scale"] = IntensityScale, ["gap_window_ev"] = GapWindowEv,
            ["zero_above_data"] = ZeroAboveData ? 1 : 0,
        };
        return new Learning.Preprocessing(
            $"{variant.Name()}; input {InputNormalization}; target {TargetNormalization}", parameters, grids);
    }

    /// <summary>Reads back what <see cref="Describe"/> wrote: the variant and the featurizer of a model file.</summary>
    public static (InputVariant Variant, Featurizer Featurizer) FromDescription(Learning.Preprocessing description, string file)
    {
        var parts = description.Name.Split("; ");
        if (parts is not [var variant, var input, var target] || !input.StartsWith("input ") || !target.StartsWith("target "))
            throw new InputError(file, null, $"preprocessing '{description.Name}' was not written by CoreHole's featurizer");
        double Number(string key) => description.Parameters.TryGetValue(key, out var v) ? v
            : throw new InputError(file, null, $"preprocessing parameter '{key}' is missing");
        var featurizer = new Featurizer(Number("sigma_ev"), Normalization.Parse(input["input ".Length..]),
            Normalization.Parse(target["target ".Length..]), Number("intensity_scale"), Number("gap_window_ev"), Number("zero_above_data") != 0);
        return (InputVariants.Parse(variant), featurizer);
    }

    Curve Window(Curve pdos, double zeroEv, EnergyGrid grid, string source)
    {
        if (!ZeroAboveData && zeroEv + grid.Last > pdos.LastEnergy)
            throw new InputError(source, null, string.Create(CultureInfo.InvariantCulture,
                $"the PDOS ends at {pdos.LastEnergy:0.###} eV, below the window's top {zeroEv + grid.Last:0.###} eV: too few empty bands (or allow zeros above the data)"));
        // Below its first energy a PDOS is zero (projwfc starts below the lowest band).
        return pdos.ToAlignedWindow(zeroEv, grid, SigmaEv, OutsideRange.Zero);
    }

    /// <summary>The factor the normalisation applies to <paramref name="window"/> (every normalisation is a scaling), times the fixed scale.</summary>
    double ScaleOf(Normalization normalization, Curve window, string source, string what)
    {
        var (energy, peak) = window.Maximum;
        if (!(peak > 0)) throw new InputError(source, null, $"the {what} is zero over its window");
        try { return IntensityScale * normalization.Apply(window).ValueAt(energy) / peak; }
        catch (InputError e) when (e.File is null) { throw new InputError(source, null, $"{what}: {e.Problem}", e); }
    }

    static float[] Scaled(double factor, Curve curve) => Array.ConvertAll(curve.Intensities.ToArray(), y => (float)(factor * y));
}
