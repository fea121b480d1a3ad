using System.Globalization;
using CoreHole.Plotting;

namespace CoreHole.Reports;

/// <summary>The amorphous SiO2 cells behind Fig. 3: how they were made and whether they are sound glasses (density, g(r), coordination).</summary>
public static class StructureSections
{
    /// <summary>Neutron diffraction of vitreous silica: Si-O 1.61-1.62 Å (Mozzi &amp; Warren, J. Appl. Cryst. 2, 164 (1969)); density 2.20 g/cm3.</summary>
    const string Literature = "Vitreous silica: density 2.20 g/cm3, first Si-O peak of g(r) at 1.61-1.62 Å, every Si 4-fold and every O 2-fold (Mozzi & Warren, J. Appl. Cryst. 2, 164 (1969)).";

    public static string AmorphousCells(ReportContext report)
    {
        var text = "<h2 id=\"amorphous-cells\">Amorphous SiO2 cells</h2>\n";
        var cells = report.Results.ReadAmorphousCells();
        if (cells.Count == 0)
            return text + Html.NotYet("no amorphous cell is planned in this run's campaign: corehole amorphous makes them and corehole simulate computes their spectra (README, Amorphous SiO2).");
        var first = cells[0].Checks;
        var protocol = first.GetProperty("protocol");
        text += $"<p>Melt-quench molecular dynamics with LAMMPS and the {Html.Text(first.GetProperty("potential").GetProperty("citation").GetString()!)} potential: "
            + string.Create(CultureInfo.InvariantCulture, $"{protocol.GetProperty("atoms").GetInt32()} atoms at a fixed {protocol.GetProperty("density").GetDouble():0.00} g/cm3, melted at {protocol.GetProperty("melt_temperature").GetDouble():0} K, quenched to {protocol.GetProperty("final_temperature").GetDouble():0} K at {protocol.GetProperty("quench_rate").GetDouble():0.#e0} K/s (the paper: 2.5e11 K/s). ")
            + $"{Html.Text(Literature)}</p>\n";
        text += Html.Table(["cell", "atoms", "density (g/cm3)", "Si-O g(r) peak (Å)", "4-fold Si", "2-fold O", "Si-O-Si angle (°)", "pressure (GPa)", "sound"],
            cells.Select(c =>
            {
                var s = c.Checks.GetProperty("structure");
                return (IReadOnlyList<string>)[c.Name, $"{c.Checks.GetProperty("atoms").GetInt32()}", Html.Number(s.GetProperty("density").GetDouble(), "0.000"),
                    Html.Number(s.GetProperty("si_o_peak").GetDouble(), "0.000"), ReportContext.Percent(s.GetProperty("four_fold_si").GetDouble()),
                    ReportContext.Percent(s.GetProperty("two_fold_o").GetDouble()), Html.Number(s.GetProperty("si_o_si_angle").GetDouble(), "0.0"),
                    Html.Number(c.Checks.GetProperty("lammps").GetProperty("pressure_gpa").GetDouble(), "0.00"), c.Checks.GetProperty("sound").GetBoolean() ? "yes" : "no"];
            }));
        var siO = cells.Select(c => (c.Name, Curve: Column(c.Rdf, "g_Si_O"))).ToList();
        var figure = new PlotFigure("r (Å)", "Si-O pair distribution g(r)", "Si-O g(r) of the amorphous cells")
        {
            Curves = [.. siO.Select(c => new PlotSeries(c.Name, c.Curve))],
        };
        var rows = cells.SelectMany(c => c.Rdf.Skip(1).Select(r => $"{c.Name},{string.Join(',', r)}"));
        report.Headlines.Add($"Amorphous cells: {cells.Count}, Si-O g(r) peak {string.Join(", ", cells.Select(c => Html.Number(c.Checks.GetProperty("structure").GetProperty("si_o_peak").GetDouble(), "0.000")))} Å (glass: 1.61-1.62)");
        return text + report.Figures.Add("amorphous-rdf", figure, "Si-O pair distribution function of each cell; the first peak is the Si-O bond.",
            "cell," + string.Join(',', cells[0].Rdf[0]), rows);
    }

    /// <summary>A g(r) column of corehole amorphous's CSV (r_angstrom first) as a curve up to 6 Å.</summary>
    static Spectra.Curve Column(string[][] rdf, string name)
    {
        var index = Array.IndexOf(rdf[0], name);
        if (index < 0) throw new InputError(null, null, $"the g(r) table has no column {name}");
        var rows = rdf.Skip(1).Select(r => (R: double.Parse(r[0], CultureInfo.InvariantCulture), G: double.Parse(r[index], CultureInfo.InvariantCulture)))
            .Where(p => p.R <= 6).ToList();
        return new Spectra.Curve([.. rows.Select(p => p.R)], [.. rows.Select(p => p.G)]);
    }
}
