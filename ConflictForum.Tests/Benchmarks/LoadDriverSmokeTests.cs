using ConflictForum.Benchmarks.Load;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Benchmarks;

/// <summary>
/// The load driver end to end, tiny: a server process, signed-in members' circuits, readers' live streams beside a bare
/// event-stream endpoint, votes clicked in Chromium, two instances over redis-server, a storm of votes, the report
/// written. Its figures are not judged here (this machine is busy running the other tests);
/// that every stage ran and every page heard every vote is.
/// </summary>
public sealed class LoadDriverSmokeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_small_run_measures_every_figure_and_writes_the_report()
    {
        Assert.True(RedisServerFixture.ExecutablePath is not null, RedisServerFixture.HowToInstall);
        var app = Path.Combine(LoadDriver.RepositoryRoot(), "ConflictForum", "bin", "Debug", "net10.0", "ConflictForum.dll");
        Assert.True(File.Exists(app), $"Build the forum first: {app}");
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "benchmarks.md");

        var figures = await LoadDriver.RunAsync(LoadOptions.Smoke(report, (app, "Development")));

        Assert.Equal(12, figures.Count);
        var text = await File.ReadAllTextAsync(report);
        output.WriteLine(text);
        Assert.Contains("| figure | goal | result | met |", text, StringComparison.Ordinal);
        foreach (var figure in figures) Assert.Contains(figure.Name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(figures, f => f.Result.Contains("missed", StringComparison.Ordinal)); // every page got every vote
        Assert.Contains(figures, f => f.Result.StartsWith("**10 / 10** resumed", StringComparison.Ordinal));
        // Every circuit is a signed-in member's: a reader who is not signed in has none.
        Assert.Contains(figures, f =>
            f.Name.StartsWith("a vote's new tally reaching every signed-in interactive page", StringComparison.Ordinal));
        // Readers' streams: memory and a vote's fan-out, each with its floor, a bare event-stream endpoint in the same run.
        Assert.Contains(figures, f =>
            f.Name.StartsWith("server memory (RSS) per open page of a reader who is not signed in", StringComparison.Ordinal)
            && f.Name.Contains("20 streams", StringComparison.Ordinal)
            && f.Result.Contains("floor: a bare ASP.NET Core event-stream endpoint", StringComparison.Ordinal));
        Assert.Contains(figures, f =>
            f.Name.StartsWith("a vote's new count (blind tally) reaching every open reader stream", StringComparison.Ordinal)
            && f.Result.Contains("floor: a bare endpoint writing one fragment", StringComparison.Ordinal));
        // The storm: every vote cast, every page caught up with the last and every stream with a closing vote, none dropped.
        var storm = Assert.Single(figures, f => f.Name.StartsWith("sustained storm", StringComparison.Ordinal));
        Assert.Contains("30 votes in", storm.Result, StringComparison.Ordinal);
        Assert.Contains("dropped: **0 streams**, 0 pages", storm.Result, StringComparison.Ordinal);
        Assert.DoesNotContain("missed the closing vote", storm.Result, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", storm.Result, StringComparison.Ordinal);
        // The memory figure carries its floor, an empty Blazor page measured in its own server in the same run.
        Assert.Contains(figures, f => f.Name.StartsWith("server memory (RSS) per signed-in", StringComparison.Ordinal)
            && f.Result.Contains("floor: an empty Blazor Server page", StringComparison.Ordinal));
        // So does the fan-out figure: a new number pushed to as many pages of that empty app, which every page must show.
        Assert.Contains(figures, f => f.Name.StartsWith("a vote's new tally", StringComparison.Ordinal)
            && f.Result.Contains("floor: a new number pushed", StringComparison.Ordinal));
    }
}
