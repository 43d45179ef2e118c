namespace ConflictForum.Benchmarks.Load;

/// <summary>
/// The report is one file written by several commands: the load driver's figures at the top, then a "## " section per other
/// command. Each command replaces only its own part.
/// </summary>
public static class ReportSections
{
    /// <summary><paramref name="report"/> with the section under <paramref name="heading"/> replaced (or added at the end).</summary>
    public static string Replace(string report, string heading, string section)
    {
        var (start, end) = Find(report, heading);
        return start < 0
            ? report.TrimEnd() + "\n\n" + section
            : report[..start] + section + (end < report.Length ? "\n" + report[end..] : "");
    }

    /// <summary>The "## " sections of the report at <paramref name="path"/> (those other commands wrote), or "".</summary>
    public static string Kept(string path)
    {
        if (!File.Exists(path)) return "";
        var report = File.ReadAllText(path);
        var start = report.StartsWith("## ", StringComparison.Ordinal) ? 0
            : report.IndexOf("\n## ", StringComparison.Ordinal) is var i and >= 0 ? i + 1 : -1;
        return start < 0 ? "" : "\n" + report[start..];
    }

    /// <returns>Where the section starts (-1 when absent) and where the next one starts (or the end).</returns>
    private static (int Start, int End) Find(string report, string heading)
    {
        var start = report.StartsWith(heading + "\n", StringComparison.Ordinal) ? 0
            : report.IndexOf("\n" + heading + "\n", StringComparison.Ordinal) is var i and >= 0 ? i + 1 : -1;
        if (start < 0) return (-1, -1);
        var next = report.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return (start, next < 0 ? report.Length : next + 1);
    }
}
