using System.Globalization;
using System.Text;

namespace ConflictForum.Benchmarks.Load;

/// <summary>What every command's section of docs/benchmarks.md shares: the table of its figures and how they are summed up.</summary>
public static class FigureTable
{
    /// <summary>Appends the "figure | goal | result | met" table, a row per figure.</summary>
    public static StringBuilder AppendFigures(this StringBuilder text, IEnumerable<Figure> figures)
    {
        text.AppendLine("| figure | goal | result | met |").AppendLine("|---|---|---|---|");
        foreach (var f in figures)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Goal} | {f.Result} | {(f.Met ? "yes" : "**no**")} |");
        return text;
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 0.5);

    /// <summary>The nearest-rank percentile <paramref name="q"/> (0 to 1); NaN when there are no values.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double q)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
