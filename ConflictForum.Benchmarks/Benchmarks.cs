using ConflictForum.Benchmarks.Load;

namespace ConflictForum.Benchmarks;

// Figures, not tests. Run from the repository root:
//   dotnet run -c Release --project ConflictForum.Benchmarks -- hot    BenchmarkDotNet over the hot service paths
//   dotnet run -c Release --project ConflictForum.Benchmarks -- load   the whole-system run; writes docs/benchmarks.md
//     options: --circuits 1000,5000   --report PATH (default docs/benchmarks.md)
//              --skip service,tally,redis,readers,storm   --server-env KEY=VALUE,...   --hold SECONDS   --votes N
//              --streams N   --storm VOTES_PER_SECOND,SECONDS   --storm-circuits N   (investigating one figure; not a full run)
//   dotnet run -c Release --project ConflictForum.Benchmarks -- notify the notifications' figures; writes their section of it
//     options: --report PATH   --skip followers,mail   --followers N   --mails N   --kills N   (investigating; not a full run)
//   dotnet run -c Release --project ConflictForum.Benchmarks -- orgpage the organisation page at 10 and 10,000 disputes
//     options: --report PATH   --large N
//   dotnet run -c Release --project ConflictForum.Benchmarks -- home    the home page with 100,000 disputes
//   dotnet run -c Release --project ConflictForum.Benchmarks -- search  a three-word search over 100,000 disputes
//     options: --report PATH   --disputes N   --data FOLDER (keep the database there)
internal static class Benchmarks
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case [EmptyPageServer.Command, .. var rest]:
                await EmptyPageServer.RunAsync(rest);
                return 0;
            case ["hot", .. var rest]:
                BenchmarkDotNet.Running.BenchmarkRunner.Run<HotPaths>(args: rest);
                return 0;
            case ["load", .. var rest]:
                var options = new LoadOptions
                {
                    ReportPath = Option(rest, "--report") ?? Path.Combine(LoadDriver.RepositoryRoot(), "docs", "benchmarks.md"),
                    Command = "dotnet run -c Release --project ConflictForum.Benchmarks -- " + string.Join(' ', args),
                };
                if (Option(rest, "--circuits") is { } counts)
                    options = options with { CircuitCounts = [.. counts.Split(',').Select(int.Parse)] };
                if (Option(rest, "--skip") is { } skip) options = options with { Skip = skip.Split(',') };
                if (Option(rest, "--votes") is { } votes)
                    options = options with { VotesPerCount = int.Parse(votes, System.Globalization.CultureInfo.InvariantCulture) };
                if (Option(rest, "--streams") is { } streams)
                    options = options with { ReaderStreams = int.Parse(streams, System.Globalization.CultureInfo.InvariantCulture) };
                if (Option(rest, "--storm") is { } storm && storm.Split(',') is [var rate, var seconds])
                {
                    options = options with
                    {
                        StormVotesPerSecond = int.Parse(rate, System.Globalization.CultureInfo.InvariantCulture),
                        StormDuration = TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
                    };
                }
                if (Option(rest, "--storm-circuits") is { } stormCircuits)
                    options = options with { StormCircuits = int.Parse(stormCircuits, System.Globalization.CultureInfo.InvariantCulture) };
                if (Option(rest, "--hold") is { } hold)
                    options = options with { HoldSeconds = int.Parse(hold, System.Globalization.CultureInfo.InvariantCulture) };
                if (Option(rest, "--server-env") is { } env)
                    options = options with
                    {
                        ServerSettings = env.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
                    };
                Directory.CreateDirectory(Path.GetDirectoryName(options.ReportPath)!);
                var figures = await LoadDriver.RunAsync(options);
                Console.WriteLine(await File.ReadAllTextAsync(options.ReportPath));
                return figures.All(f => f.Met) ? 0 : 1;
            case ["notify", .. var rest]:
                var notify = new Notify.NotifyOptions
                {
                    ReportPath = Option(rest, "--report") ?? Path.Combine(LoadDriver.RepositoryRoot(), "docs", "benchmarks.md"),
                    Command = "dotnet run -c Release --project ConflictForum.Benchmarks -- " + string.Join(' ', args),
                    Skip = Option(rest, "--skip")?.Split(',') ?? [],
                };
                if (Option(rest, "--followers") is { } followers) notify = notify with { Followers = Number(followers) };
                if (Option(rest, "--mails") is { } mails) notify = notify with { Mails = Number(mails) };
                if (Option(rest, "--kills") is { } kills) notify = notify with { Kills = Number(kills) };
                Directory.CreateDirectory(Path.GetDirectoryName(notify.ReportPath)!);
                var measured = await Notify.NotifyDriver.RunAsync(notify);
                Console.WriteLine(await File.ReadAllTextAsync(notify.ReportPath));
                return measured.All(f => f.Met) ? 0 : 1;
            case ["orgpage", .. var rest]:
                var page = new OrgPage.OrgPageOptions
                {
                    ReportPath = Option(rest, "--report") ?? Path.Combine(LoadDriver.RepositoryRoot(), "docs", "benchmarks.md"),
                    Command = "dotnet run -c Release --project ConflictForum.Benchmarks -- " + string.Join(' ', args),
                };
                if (Option(rest, "--large") is { } large) page = page with { Large = Number(large) };
                var orgFigure = await OrgPage.OrgPageDriver.RunAsync(page);
                Console.WriteLine($"{orgFigure.Name}: {orgFigure.Result} (goal {orgFigure.Goal})");
                return orgFigure.Met ? 0 : 1;
            case ["home", .. var rest]:
                var home = new HomePage.HomePageOptions
                {
                    ReportPath = Option(rest, "--report") ?? Path.Combine(LoadDriver.RepositoryRoot(), "docs", "benchmarks.md"),
                    Command = "dotnet run -c Release --project ConflictForum.Benchmarks -- " + string.Join(' ', args),
                };
                if (Option(rest, "--disputes") is { } disputes) home = home with { Disputes = Number(disputes) };
                if (Option(rest, "--data") is { } data) home = home with { DataFolder = Directory.CreateDirectory(data).FullName };
                var homeFigure = await HomePage.HomePageDriver.RunAsync(home);
                Console.WriteLine($"{homeFigure.Name}: {homeFigure.Result} (goal {homeFigure.Goal})");
                return homeFigure.Met ? 0 : 1;
            case ["search", .. var rest]:
                var search = new Search.SearchOptions
                {
                    ReportPath = Option(rest, "--report") ?? Path.Combine(LoadDriver.RepositoryRoot(), "docs", "benchmarks.md"),
                    Command = "dotnet run -c Release --project ConflictForum.Benchmarks -- " + string.Join(' ', args),
                };
                if (Option(rest, "--disputes") is { } searched) search = search with { Disputes = Number(searched) };
                var searchFigure = await Search.SearchDriver.RunAsync(search);
                Console.WriteLine($"{searchFigure.Name}: {searchFigure.Result} (goal {searchFigure.Goal})");
                return searchFigure.Met ? 0 : 1;
            default:
                Console.WriteLine(
                    "Usage: dotnet run -c Release --project ConflictForum.Benchmarks -- hot | load [--circuits 1000,5000] [--report PATH]"
                    + " | notify [--report PATH] [--skip followers,mail] | orgpage [--report PATH] [--large N]"
                    + " | home [--report PATH] [--disputes N] | search [--report PATH] [--disputes N]");
                return 2;
        }
    }

    private static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
