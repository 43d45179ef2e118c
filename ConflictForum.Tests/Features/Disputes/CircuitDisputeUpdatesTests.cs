using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>The circuit's one live-update mechanism, on a fake clock: the events are handed in directly, as the bus would.</summary>
public sealed class CircuitDisputeUpdatesTests : IDisposable
{
    private const int DisputeId = 7;
    private readonly FakeTimeProvider clock = new();
    private readonly CapturingEvents events = new();
    private readonly CircuitDisputeUpdates updates;
    private readonly List<DisputeUpdate> heard = [];

    public CircuitDisputeUpdatesTests()
    {
        updates = new CircuitDisputeUpdates(events, clock, NullLogger<CircuitDisputeUpdates>.Instance);
        updates.Follow(DisputeId);
        updates.Listen(update =>
        {
            lock (heard) heard.Add(update);
            return Task.CompletedTask;
        });
    }

    private Task Change(DisputeChanges changes, int version = 0, IReadOnlyList<string>? voters = null) =>
        events.Handler!(new DisputeChanged(DisputeId, changes, version, voters));

    private List<DisputeUpdate> Heard()
    {
        lock (heard) return [.. heard];
    }

    [Fact]
    public async Task The_first_change_reaches_the_page_at_once()
    {
        await Change(DisputeChanges.Tally, 3);

        Assert.Equal([new DisputeUpdate(DisputeChanges.Tally, 3)], Heard());
    }

    [Fact]
    public async Task A_storm_of_changes_costs_one_more_reload_per_interval()
    {
        await Change(DisputeChanges.Tally, 1);
        var waiting = Change(DisputeChanges.Tally, 2); // within the interval: waits for it
        for (var version = 3; version <= 100; version++) await Change(DisputeChanges.Tally, version); // ride along

        Assert.Single(Heard());
        clock.Advance(CircuitDisputeUpdates.ReloadInterval - TimeSpan.FromMilliseconds(1));
        Assert.Single(Heard());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await waiting;

        Assert.Equal([new DisputeUpdate(DisputeChanges.Tally, 1), new DisputeUpdate(DisputeChanges.Tally, 100)], Heard());
    }

    [Fact]
    public async Task Coalesced_changes_merge_their_slices_and_keep_the_newest_version()
    {
        await Change(DisputeChanges.Tally, 5);
        var waiting = Change(DisputeChanges.Comments, 9);
        await Change(DisputeChanges.Tally, 7); // arrives late, with an older version

        clock.Advance(CircuitDisputeUpdates.ReloadInterval);
        await waiting;

        Assert.Equal(new DisputeUpdate(DisputeChanges.Tally | DisputeChanges.Comments, 9), Heard()[^1]);
    }

    [Fact]
    public async Task Coalesced_votes_name_every_voter_and_a_change_that_does_not_say_whose_names_nobody()
    {
        await Change(DisputeChanges.Tally, 1, ["ann"]);
        var waiting = Change(DisputeChanges.Tally, 2, ["bob"]);
        await Change(DisputeChanges.Tally | DisputeChanges.Comments, 3, ["cy"]);
        clock.Advance(CircuitDisputeUpdates.ReloadInterval);
        await waiting;
        waiting = Change(DisputeChanges.Tally, 4, ["dee"]);
        await Change(DisputeChanges.Tally, 5); // a recount, say: whose votes moved is not said
        clock.Advance(CircuitDisputeUpdates.ReloadInterval);
        await waiting;

        var (first, merged, unknown) = (Heard()[0], Heard()[1], Heard()[2]);
        Assert.Equal(["ann"], first.Voters);
        Assert.Equal(["bob", "cy"], merged.Voters);
        Assert.True(merged.MayHaveMovedVoteOf("cy"));
        Assert.False(merged.MayHaveMovedVoteOf("ann")); // ann's page keeps the vote it shows as hers
        Assert.Null(unknown.Voters);
        Assert.True(unknown.MayHaveMovedVoteOf("ann"));
        Assert.False(new DisputeUpdate(DisputeChanges.Comments, 6).MayHaveMovedVoteOf("ann")); // no vote moved at all
    }

    [Fact]
    public async Task A_change_after_a_quiet_interval_reaches_the_page_at_once()
    {
        await Change(DisputeChanges.Tally, 1);
        clock.Advance(CircuitDisputeUpdates.ReloadInterval);

        await Change(DisputeChanges.Comments, 2);

        Assert.Equal(2, Heard().Count);
    }

    [Fact]
    public async Task Disposal_stops_the_updates_and_the_subscription()
    {
        await Change(DisputeChanges.Tally, 1);
        var waiting = Change(DisputeChanges.Tally, 2);

        updates.Dispose();
        clock.Advance(CircuitDisputeUpdates.ReloadInterval);
        await waiting;

        Assert.Single(Heard());
        Assert.True(events.Unsubscribed);
    }

    [Fact]
    public async Task Changes_of_a_dispute_no_longer_followed_are_ignored()
    {
        var old = events.Handler!;
        updates.Follow(DisputeId + 1);

        await old(new DisputeChanged(DisputeId, DisputeChanges.Tally, 1));

        Assert.Empty(Heard());
        Assert.True(events.Unsubscribed);
    }

    [Fact]
    public async Task A_listener_hears_only_its_slice()
    {
        var tallies = 0;
        using var listening = updates.Listen(DisputeChanges.Tally, _ => Task.FromResult(Interlocked.Increment(ref tallies)));

        await Change(DisputeChanges.Comments, 1);
        clock.Advance(CircuitDisputeUpdates.ReloadInterval);
        await Change(DisputeChanges.Tally | DisputeChanges.Timeline, 2);

        Assert.Equal(1, tallies);
    }

    public void Dispose() => updates.Dispose();

    private sealed class CapturingEvents : IDisputeEvents
    {
        public Func<DisputeChanged, Task>? Handler { get; private set; }

        public bool Unsubscribed { get; private set; }

        public IDisposable Subscribe(int disputeId, Func<DisputeChanged, Task> handler)
        {
            Handler = handler;
            return new Unsubscribe(() => Unsubscribed = true);
        }

        public void Publish(DisputeChanged change) => throw new NotSupportedException();

        public void Publish(StandingChanged change) => throw new NotSupportedException();

        public IDisposable Subscribe(string userId, Func<StandingChanged, Task> handler) => throw new NotSupportedException();

        public void Publish(InboxChanged change) => throw new NotSupportedException();

        public IDisposable SubscribeInbox(string userId, Func<InboxChanged, Task> handler) => throw new NotSupportedException();

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
