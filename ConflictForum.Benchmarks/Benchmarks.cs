namespace ConflictForum.Benchmarks;

// Figures for the deliberation path on this machine, against the real app services and a real SQLite file
// (synchronous=FULL). Not a test: it prints numbers. Run: dotnet run -c Release --project ConflictForum.Benchmarks
internal static class Benchmarks
{
    public static async Task Main(string[] args)
    {
        if (args is ["hot", ..])
        {
            BenchmarkDotNet.Running.BenchmarkRunner.Run<HotPaths>(args: args[1..]);
            return;
        }
        var scale = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        await using var bench = await DeliberationBench.CreateAsync();

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite synchronous=FULL, WAL");
        var small = await bench.DisputeWithVotesAsync(10);
        var large = await bench.DisputeWithVotesAsync(scale);
        // Alternate the two disputes over several rounds and report each one's median round: the machine's noise
        // (JIT tiers, the other core) then falls on both alike.
        var rounds = new Dictionary<int, List<double>> { [small] = [], [large] = [] };
        for (var round = 0; round < 7; round++)
        {
            foreach (var disputeId in new[] { small, large })
                rounds[disputeId].Add((await bench.TallyReadAsync(disputeId, reads: 2_000)).TotalMicroseconds);
        }
        foreach (var (votes, disputeId) in new[] { (10, small), (scale, large) })
        {
            var median = rounds[disputeId].Order().ElementAt(rounds[disputeId].Count / 2);
            Console.WriteLine($"Tally read at {votes,9:N0} votes: {median,8:N1} µs per read (median of 7 rounds of 2,000)");
        }

        foreach (var writers in new[] { 1, 8 })
        {
            var (count, elapsed) = await bench.SustainedVotesAsync(writers, TimeSpan.FromSeconds(10));
            Console.WriteLine($"Votes through the service, {writers} concurrent writer(s): {count / elapsed.TotalSeconds,8:N0} votes/s ({count:N0} in {elapsed.TotalSeconds:N1} s)");
        }
    }
}
