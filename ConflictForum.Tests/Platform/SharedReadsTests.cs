using ConflictForum.Platform;
using Microsoft.Extensions.Time.Testing;

namespace ConflictForum.Tests.Platform;

public sealed class SharedReadsTests
{
    private sealed record Row(int Version, string Text);

    [Fact]
    public async Task Results_too_old_to_serve_are_swept_out_so_disputes_nobody_reads_again_are_not_kept()
    {
        var clock = new FakeTimeProvider();
        var reads = new SharedReads<int, Row>(row => row.Version, TimeSpan.FromMinutes(1), clock);
        var loads = 0;
        Task<Row?> LoadAsync(int key)
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult<Row?>(new Row(1, $"dispute {key}"));
        }

        var first = await reads.GetAsync(1, 1, LoadAsync);
        Assert.Same(first, await reads.GetAsync(1, 1, LoadAsync)); // shared while it may serve
        Assert.Equal(1, loads);

        clock.Advance(TimeSpan.FromMinutes(2));
        await reads.GetAsync(2, 1, LoadAsync); // any read sweeps out what can no longer serve
        Assert.Equal(1, reads.Count);
        Assert.NotSame(first, await reads.GetAsync(1, 1, LoadAsync)); // dispute 1 is read afresh when asked again
        Assert.Equal(3, loads);
    }
}
