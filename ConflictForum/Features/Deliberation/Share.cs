using System.Globalization;

namespace ConflictForum.Features.Deliberation;

/// <summary>A share with its 95% Wilson score interval: honest about how little a handful of votes says.</summary>
public readonly record struct Share(int Count, int Total, double Low, double High)
{
    public double Value => Total == 0 ? 0 : (double)Count / Total;

    public static Share Of(int count, int total)
    {
        if (total == 0) return new(0, 0, 0, 0);
        const double z = 1.959963984540054;
        double n = total, p = count / n, z2 = z * z;
        var centre = p + z2 / (2 * n);
        var margin = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        var denominator = 1 + z2 / n;
        return new(count, total, Math.Max(0, (centre - margin) / denominator), Math.Min(1, (centre + margin) / denominator));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Value * 100:0}% (95% interval {Low * 100:0}%–{High * 100:0}%)");
}
