using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictForum.Tests.Features.Disputes;

public sealed class DisputeEventsTests
{
    [Fact]
    public async Task Subscribers_of_a_dispute_hear_its_changes_and_nothing_after_unsubscribing()
    {
        var events = new InProcessDisputeEvents(NullLogger<InProcessDisputeEvents>.Instance);
        var heard = new TaskCompletionSource<DisputeChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = events.Subscribe(1, _ => throw new InvalidOperationException("a broken page"));
        var subscription = events.Subscribe(1, change => { heard.TrySetResult(change); return Task.CompletedTask; });
        using var other = events.Subscribe(2, _ => throw new Xunit.Sdk.XunitException("dispute 2 must not hear dispute 1"));

        events.Publish(new DisputeChanged(1, DisputeChanges.Tally));

        // one broken page does not stop the others
        Assert.Equal(DisputeChanges.Tally, (await heard.Task.WaitAsync(TimeSpan.FromSeconds(5))).Changes);
        subscription.Dispose();
        failing.Dispose();
        Assert.Equal(1, events.SubscribedDisputes); // dispute 1 left no entry behind
    }
}
