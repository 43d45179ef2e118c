using System.Net;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Live;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConflictForum.Tests.Http;

public sealed class LiveStreamTests : LiveStreamTest
{
    [Fact]
    public async Task A_page_rendered_at_the_current_version_gets_only_what_changes_after_it()
    {
        var id = await OpenDisputeAsync();
        var version = await VersionAsync(id);
        using var stream = await ConnectAsync($"/disputes/{id}/live?v={version}");
        Assert.Equal(HttpStatusCode.OK, stream.Status);
        Assert.Equal("text/event-stream", stream.ContentType);

        var respondent = await MemberAsync("Commenter");
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(respondent, id, "Park on the street, please."))).Succeeded);

        var message = await stream.NextRegionsAsync(Patience);
        Assert.Equal(await VersionAsync(id), message.Id);
        Assert.Equal([LiveRegions.Comments], message.Regions.Keys); // a comment moves the discussion alone
        Assert.Contains("Park on the street, please.", message.Regions[LiveRegions.Comments], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnect_with_Last_Event_ID_behind_the_dispute_catches_up_with_every_region()
    {
        var id = await OpenDisputeAsync();
        var seen = await VersionAsync(id);
        var commenter = await MemberAsync("Commenter");
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(commenter, id, "Missed while away."))).Succeeded);
        await VoteAsync(id, "Voter", FaultOption.Both);

        using var stream = await ConnectAsync($"/disputes/{id}/live?v=1", lastEventId: seen);

        var message = await stream.NextRegionsAsync(Patience);
        Assert.Equal(await VersionAsync(id), message.Id);
        Assert.Equal(LiveRegions.All.Order(), message.Regions.Keys.Order());
        Assert.Contains("Missed while away.", message.Regions[LiveRegions.Comments], StringComparison.Ordinal);
        Assert.Contains("1 vote cast so far", message.Regions[LiveRegions.Fault], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blind_tallies_never_reach_a_reader_s_stream_before_voting_closes()
    {
        var id = await OpenDisputeAsync();
        using var stream = await ConnectAsync($"/disputes/{id}/live");
        var messages = new List<Message> { await stream.NextRegionsAsync(Patience) };

        await VoteAsync(id, "Voter One", FaultOption.RespondentAtFault);
        await VoteAsync(id, "Voter Two", FaultOption.RespondentAtFault);
        await VoteAsync(id, "Voter Three", FaultOption.ClaimantAtFault);
        while (!messages[^1].Regions.GetValueOrDefault(LiveRegions.Fault, "").Contains("3 votes cast so far", StringComparison.Ordinal))
            messages.Add(await stream.NextRegionsAsync(Patience));

        foreach (var fault in messages.Select(m => m.Regions.GetValueOrDefault(LiveRegions.Fault)).OfType<string>())
        {
            Assert.Contains("data-testid=\"blind-tally\"", fault, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"tally\"", fault, StringComparison.Ordinal); // no per-option counts
            Assert.DoesNotContain("Respondent at fault", fault, StringComparison.Ordinal);
            Assert.DoesNotContain("mud-chart", fault, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_hide_leaves_a_reader_s_open_stream_within_a_second()
    {
        var id = await OpenDisputeAsync();
        var author = await MemberAsync("Hot Head");
        var comment = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(author, id, "Call 07700 900123 for the owner."))).Value;
        using var stream = await ConnectAsync($"/disputes/{id}/live");
        Assert.Contains("07700 900123", (await stream.NextRegionsAsync(Patience)).Regions[LiveRegions.Comments], StringComparison.Ordinal);

        var moderator = await WithRoleAsync(await MemberAsync("Mo Derator"), ConflictForum.Features.Accounts.ForumRoles.Moderator);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Comment, comment, "A phone number"))).Succeeded);
        var hidden = System.Diagnostics.Stopwatch.StartNew();

        var message = await stream.NextRegionsAsync(TimeSpan.FromSeconds(1));
        Assert.True(hidden.Elapsed < TimeSpan.FromSeconds(1), $"The hide reached the stream after {hidden.Elapsed}.");
        Assert.DoesNotContain("07700 900123", string.Concat(message.Regions.Values), StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator: A phone number", message.Regions[LiveRegions.Comments], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storm_of_votes_costs_a_few_renders_a_second_not_one_per_vote()
    {
        var id = await OpenDisputeAsync();
        var voters = new List<ForumActor>();
        for (var i = 0; i < 24; i++) voters.Add(await MemberAsync($"Voter {i}"));
        using var stream = await ConnectAsync($"/disputes/{id}/live");
        await stream.NextRegionsAsync(Patience);

        var storm = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(voters.Select(voter =>
            WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(voter, id, FaultOption.Both))));
        var frames = 0;
        while (!(await stream.NextRegionsAsync(Patience)).Regions.GetValueOrDefault(LiveRegions.Fault, "")
            .Contains("24 votes cast so far", StringComparison.Ordinal))
            frames++;
        frames++;

        // The first change renders at once, then at most one render every quarter of a second.
        Assert.InRange(frames, 1, 2 + (int)(storm.Elapsed / DisputeFeed.Interval));
        Assert.True(frames < voters.Count, $"{frames} frames for {voters.Count} votes");
    }

    [Fact]
    public async Task Server_shutdown_ends_open_streams_cleanly()
    {
        var id = await OpenDisputeAsync();
        using var stream = await ConnectAsync($"/disputes/{id}/live");
        await stream.NextRegionsAsync(Patience);

        App.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        while (await stream.NextAsync(Patience) is not null)
        {
            // a heartbeat or a last frame may still come
        }
        Assert.True(stream.Ended, "The stream was still open after the server began to stop.");
    }

    [Fact]
    public void Live_settings_out_of_range_stop_the_app_at_start()
    {
        using var app = new ForumAppFactory(settings: new Dictionary<string, string?> { ["Live:MaxStreamsPerAddress"] = "0" });
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Services);
    }

    [Fact]
    public async Task A_missing_dispute_s_stream_answers_404()
    {
        using var stream = await ConnectAsync("/disputes/4242/live");
        Assert.Equal(HttpStatusCode.NotFound, stream.Status);
    }
}

public sealed class LiveCoalescingTests : LiveStreamTest
{
    private readonly FakeTimeProvider clock;

    public LiveCoalescingTests()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)))
    {
    }

    private LiveCoalescingTests(FakeTimeProvider clock)
        : base(clock: clock) => this.clock = clock;

    [Fact]
    public async Task A_quiet_dispute_s_first_change_goes_out_at_once_and_the_next_within_the_interval_waits_for_it()
    {
        var id = await OpenDisputeAsync();
        using var stream = await ConnectAsync($"/disputes/{id}/live?v={await VersionAsync(id)}");

        // The clock stands still: a change that waited for the coalescing interval would not go out.
        await VoteAsync(id, "Voter One", FaultOption.Both);
        Assert.Contains("1 vote cast so far", (await stream.NextRegionsAsync(Patience)).Regions[LiveRegions.Fault],
            StringComparison.Ordinal);

        await VoteAsync(id, "Voter Two", FaultOption.Both);
        var next = stream.NextRegionsAsync(Patience);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(next.IsCompleted, "A change within the interval after a render went out before the interval passed.");
        for (var advanced = 0; !next.IsCompleted && advanced < 40; advanced++)
        {
            clock.Advance(DisputeFeed.Interval);
            await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(250)));
        }
        Assert.Contains("2 votes cast so far", (await next).Regions[LiveRegions.Fault], StringComparison.Ordinal);
    }
}

public sealed class LiveHeartbeatTests() : LiveStreamTest(new Dictionary<string, string?> { ["Live:HeartbeatInterval"] = "00:00:00.200" })
{
    [Fact]
    public async Task An_idle_stream_sends_a_heartbeat_comment()
    {
        var id = await OpenDisputeAsync();
        using var stream = await ConnectAsync($"/disputes/{id}/live?v={await VersionAsync(id)}");

        var message = await stream.NextAsync(Patience);
        Assert.NotNull(message);
        Assert.Equal("heartbeat", message.Comment);
        Assert.Null(message.Data);
    }
}

public sealed class LiveCapPerAddressTests() : LiveStreamTest(new Dictionary<string, string?> { ["Live:MaxStreamsPerAddress"] = "2" })
{
    [Fact]
    public async Task Streams_beyond_the_cap_per_address_answer_429_until_one_closes()
    {
        var id = await OpenDisputeAsync();
        using var first = await ConnectAsync($"/disputes/{id}/live");
        var second = await ConnectAsync($"/disputes/{id}/live");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);

        using (var third = await ConnectAsync($"/disputes/{id}/live"))
            Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);

        second.Dispose();
        await WaitUntilAdmittedAsync($"/disputes/{id}/live");
    }

    private async Task WaitUntilAdmittedAsync(string path)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var again = await ConnectAsync(path);
            if (again.Status == HttpStatusCode.OK) return;
            Assert.Equal(HttpStatusCode.TooManyRequests, again.Status);
            Assert.True(DateTime.UtcNow < deadline, "A closed stream still counts against the cap.");
            await Task.Delay(100);
        }
    }
}

public sealed class LiveCapOverallTests() : LiveStreamTest(new Dictionary<string, string?> { ["Live:MaxStreams"] = "2" })
{
    [Fact]
    public async Task Streams_beyond_the_cap_overall_answer_429()
    {
        var id = await OpenDisputeAsync();
        var other = await OpenDisputeAsync();
        using var first = await ConnectAsync($"/disputes/{id}/live");
        using var second = await ConnectAsync($"/disputes/{other}/live");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);

        using var third = await ConnectAsync($"/disputes/{other}/live");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
    }
}
