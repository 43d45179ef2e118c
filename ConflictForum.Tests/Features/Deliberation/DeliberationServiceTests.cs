using ConflictForum.Data;
using ConflictForum.Features;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Record;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Deliberation;

public sealed class DeliberationServiceTests : ClockedForumAppTest
{
    /// <summary>
    /// A dispute between two new members (the builder's default lamp dispute), open for votes unless the respondent stays away.
    /// </summary>
    private async Task<DisputeParties> OpenDisputeAsync(bool respondentJoins = true)
    {
        var claimant = await MemberAsync("Claimant " + Guid.NewGuid().ToString("N")[..6]);
        var respondent = await MemberAsync("Respondent " + Guid.NewGuid().ToString("N")[..6]);
        return respondentJoins ? await Given.DisputeBetweenAsync(claimant, respondent)
            : new((await Given.OpenAsync(claimant)).DisputeId, claimant, respondent);
    }

    private Task<T> Do<T>(Func<DeliberationService, Task<T>> action) where T : Outcome => WithAsync(action);

    private Task<TallyView?> TallyAsync(int id, ForumActor viewer) =>
        WithAsync<DeliberationService, TallyView?>(q => q.TallyAsync(id, viewer));

    private ForumActor? admin;

    private async Task<RecountReport> RecountAsync(int id, bool repair = false)
    {
        admin ??= await WithRoleAsync(await MemberAsync("Admin"), ConflictForum.Features.Accounts.ForumRoles.Admin);
        var outcome = await WithAsync<DeliberationService, Outcome<RecountReport>>(s => s.RecountAsync(admin, id, repair));
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value!;
    }

    [Fact]
    public async Task No_voting_or_commenting_outside_Open()
    {
        var waiting = await OpenDisputeAsync(respondentJoins: false);
        var reader = await MemberAsync("Reader");

        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen,
            await Do(s => s.CastFaultVoteAsync(reader, waiting.DisputeId, FaultOption.Both)));
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen, await Do(s => s.PostCommentAsync(reader, waiting.DisputeId, "Hmm.")));

        var open = await OpenDisputeAsync();
        Assert.True((await Do(s => s.CastFaultVoteAsync(reader, open.DisputeId, FaultOption.Both))).Succeeded);
        Clock.Advance(TimeSpan.FromDays(8)); // past the voting window; no sweep has run
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen,
            await Do(s => s.CastFaultVoteAsync(reader, open.DisputeId, FaultOption.Neither)));
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen, await Do(s => s.PostCommentAsync(reader, open.DisputeId, "Late.")));
    }

    [Fact]
    public async Task Parties_never_vote_on_fault_in_their_own_dispute_and_anonymous_readers_cannot_act()
    {
        var d = await OpenDisputeAsync();

        AssertRefusal.Is(DeliberationRefusals.PartiesDoNotVote,
            await Do(s => s.CastFaultVoteAsync(d.Claimant, d.DisputeId, FaultOption.RespondentAtFault)));
        AssertRefusal.Is(DeliberationRefusals.PartiesDoNotVote,
            await Do(s => s.CastFaultVoteAsync(d.Respondent, d.DisputeId, FaultOption.ClaimantAtFault)));
        AssertRefusal.Is(ForumGuardian.SignInFirst,
            await Do(s => s.CastFaultVoteAsync(ForumActor.Anonymous, d.DisputeId, FaultOption.Both)));
        AssertRefusal.Is(ForumGuardian.SignInFirst, await Do(s => s.PostCommentAsync(ForumActor.Anonymous, d.DisputeId, "Hi")));
        var proposed = await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(ForumActor.Anonymous, d.DisputeId, "Split the cost", "Half each."));
        AssertRefusal.Is(ForumGuardian.SignInFirst, proposed);
        Assert.Equal(0, (await TallyAsync(d.DisputeId, d.Claimant))!.Total);
    }

    [Fact]
    public async Task Twenty_concurrent_submits_of_the_same_vote_leave_one_vote_and_one_stance()
    {
        var d = await OpenDisputeAsync();
        var reader = await MemberAsync("Eager Reader");
        var resolution = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(d.Claimant, d.DisputeId, "Full refund", "Refund £40."))).Value;

        var votes = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => Do(s => s.CastFaultVoteAsync(reader, d.DisputeId, FaultOption.RespondentAtFault)))));
        var stances = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => Do(s => s.SetStanceAsync(reader, resolution, true)))));

        Assert.All(votes.Concat(stances), o => Assert.True(o.Succeeded, o.Message));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        Assert.Equal(1, await db.FaultVotes.CountAsync(v => v.DisputeId == d.DisputeId));
        Assert.Equal(1, await db.Stances.CountAsync(s => s.ResolutionId == resolution));
        Assert.Equal(new FaultTally(0, 1, 0, 0), (await TallyAsync(d.DisputeId, reader))!.Tally);
        Assert.Equal(1, (await db.Resolutions.SingleAsync(r => r.Id == resolution)).Support);
        Assert.True((await RecountAsync(d.DisputeId)).Matches);
    }

    [Fact]
    public async Task Concurrent_votes_share_commits_yet_each_is_judged_alone_and_acknowledged_only_once_durable()
    {
        var d = await OpenDisputeAsync();
        var voters = new List<ForumActor>();
        for (var i = 0; i < 60; i++) voters.Add(await MemberAsync($"Storm Voter {i}"));
        int VersionNow()
        {
            using var scope = App.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<ForumDbContext>().Disputes.Single(x => x.Id == d.DisputeId).Version;
        }
        var before = VersionNow();

        // The claimant's vote lands in the middle of the storm: refused on its own, without touching the others.
        var casts = voters.Select((v, i) => (Voter: v, Option: (FaultOption)(i % 4))).ToList();
        casts.Insert(30, (d.Claimant, FaultOption.RespondentAtFault));
        Task<Outcome[]> storm;
        await using (var other = App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContext())
        {
            // Another writer holds the database for a moment (as a long write would): the votes pile up behind it.
            await using var busy = await other.Database.BeginTransactionAsync();
            await other.Disputes.Where(x => x.Id == d.DisputeId).ExecuteUpdateAsync(x => x.SetProperty(p => p.Version, p => p.Version + 1));
            storm = Task.WhenAll(casts.Select(c => Task.Run(() => Do(s => s.CastFaultVoteAsync(c.Voter, d.DisputeId, c.Option)))));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await busy.CommitAsync();
        }
        var outcomes = await storm;

        AssertRefusal.Is(DeliberationRefusals.PartiesDoNotVote, outcomes[30]);
        Assert.All(outcomes.Where((_, i) => i != 30), o => Assert.True(o.Succeeded, o.Message));
        // Each transaction bumps the dispute's version once: the other writer's, then a handful of batches for 61 votes.
        Assert.InRange(VersionNow() - before, 2, 5);
        Assert.Equal(new FaultTally(15, 15, 15, 15), (await TallyAsync(d.DisputeId, d.Claimant))!.Tally);
        Assert.True((await RecountAsync(d.DisputeId)).Matches);
    }

    [Fact]
    public async Task Counters_equal_the_rows_after_a_random_run_of_casts_changes_and_withdrawals()
    {
        var d = await OpenDisputeAsync();
        var readers = new List<ForumActor>();
        for (var i = 0; i < 8; i++) readers.Add(await MemberAsync($"Reader {i}"));
        var resolution = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(d.Respondent, d.DisputeId, "Replace the lamp", "We send a new one."))).Value;
        var random = new Random(20261124);
        var options = Enum.GetValues<FaultOption>();

        for (var step = 0; step < 120; step++)
        {
            var reader = readers[random.Next(readers.Count)];
            var outcome = random.Next(4) switch
            {
                0 => await Do(s => s.WithdrawFaultVoteAsync(reader, d.DisputeId)),
                1 => await Do(s => s.SetStanceAsync(reader, resolution, random.Next(3) switch { 0 => true, 1 => false, _ => null })),
                _ => await Do(s => s.CastFaultVoteAsync(reader, d.DisputeId, options[random.Next(options.Length)])),
            };
            Assert.True(outcome.Succeeded || outcome.Message == "You have not voted on this dispute.", outcome.Message);
        }

        var report = await RecountAsync(d.DisputeId);
        Assert.True(report.Matches, $"stored {report.Stored}, counted {report.Counted}, resolutions off {report.ResolutionsOff}");
        Assert.InRange(report.Counted.Total, 1, readers.Count);
    }

    [Fact]
    public async Task Only_admins_recount()
    {
        var d = await OpenDisputeAsync();
        var refused = await WithAsync<DeliberationService, Outcome<RecountReport>>(s =>
            s.RecountAsync(d.Claimant, d.DisputeId, repair: true));
        AssertRefusal.Is(DeliberationRefusals.OnlyAdminsRecount, refused);
    }

    [Fact]
    public async Task Recount_finds_and_repairs_counters_that_drifted()
    {
        var d = await OpenDisputeAsync();
        var reader = await MemberAsync("Reader");
        await Do(s => s.CastFaultVoteAsync(reader, d.DisputeId, FaultOption.Both));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Disputes.Where(x => x.Id == d.DisputeId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BothAtFaultVotes, 7));
        }

        var found = await RecountAsync(d.DisputeId, repair: true);
        Assert.False(found.Matches);
        Assert.True(found.Repaired);
        Assert.True((await RecountAsync(d.DisputeId)).Matches);
        Assert.Equal(1, (await TallyAsync(d.DisputeId, d.Claimant))!.Total);

        // Public numbers never change silently: the correction is on the record, and the chain still verifies.
        var entries = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(d.DisputeId));
        Assert.Contains(entries, e => e.Kind == TimelineKind.VotesRecounted
            && e.Summary.Contains("7 counted before, 1 votes on record", StringComparison.Ordinal));
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(d.DisputeId))).Intact);
    }

    [Fact]
    public async Task Recount_does_not_repair_a_closed_dispute_whose_verdict_was_frozen()
    {
        var d = await OpenDisputeAsync();
        var reader = await MemberAsync("Reader");
        await Do(s => s.CastFaultVoteAsync(reader, d.DisputeId, FaultOption.Both));
        Clock.Advance(TimeSpan.FromDays(8));
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync()); // closes, freezing the verdict from the counters
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Disputes.Where(x => x.Id == d.DisputeId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BothAtFaultVotes, 7));
        }
        admin ??= await WithRoleAsync(await MemberAsync("Admin"), ConflictForum.Features.Accounts.ForumRoles.Admin);

        var refused = await WithAsync<DeliberationService, Outcome<RecountReport>>(s => s.RecountAsync(admin, d.DisputeId, repair: true));
        AssertRefusal.Is(DeliberationRefusals.VerdictFrozen, refused);
        Assert.Equal(7, (await TallyAsync(d.DisputeId, d.Claimant))!.Total);
        var report = await RecountAsync(d.DisputeId); // reporting still runs
        Assert.False(report.Matches);
        Assert.False(report.Repaired);
        var entries = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(d.DisputeId));
        Assert.DoesNotContain(entries, e => e.Kind == TimelineKind.VotesRecounted);
    }

    [Theory]
    [InlineData("![x](http://evil.example/img.png) for all")]
    [InlineData("[click here](http://evil.example) to settle")]
    [InlineData("Settle at www.evil.example today")]
    [InlineData("<img src=x onerror=alert(1)> pay up")]
    public async Task A_resolution_title_is_text_in_the_verdict_frozen_at_close_never_a_link_or_an_image(string title)
    {
        var d = await OpenDisputeAsync();
        var proposer = await MemberAsync("Proposer");
        var proposed = await Do(s => s.ProposeResolutionAsync(proposer, d.DisputeId, title, "Details."));
        Assert.True(proposed.Succeeded, proposed.Message);
        Clock.Advance(TimeSpan.FromDays(8));
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync());

        var frozen = (await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(d.DisputeId)))
            .Single(e => e.Kind == TimelineKind.VerdictFrozen);
        Assert.DoesNotContain("<img", frozen.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", frozen.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", frozen.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(title), frozen.BodyHtml!.Replace("&#39;", "'", StringComparison.Ordinal),
            StringComparison.Ordinal); // the title, word for word, as text
    }

    [Fact]
    public async Task A_hidden_resolution_title_stays_redacted_in_the_verdict_frozen_at_close_when_it_has_Markdown_in_it()
    {
        var d = await OpenDisputeAsync();
        var proposer = await MemberAsync("Proposer");
        var resolution = (await Do(s =>
            s.ProposeResolutionAsync(proposer, d.DisputeId, "Pay *Jo* at [12 Elm Road](http://x.example)", "Details."))).Value;
        var moderator = await WithRoleAsync(await MemberAsync("Moderator"), ConflictForum.Features.Accounts.ForumRoles.Moderator);
        Assert.True((await WithAsync<ConflictForum.Features.Moderation.ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ConflictForum.Features.Content.ContentKind.Resolution, resolution, "Personal information"))).Succeeded);
        Clock.Advance(TimeSpan.FromDays(8));
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync());

        var frozen = (await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(d.DisputeId)))
            .Single(e => e.Kind == TimelineKind.VerdictFrozen);
        Assert.DoesNotContain("Elm Road", frozen.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Road", frozen.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("[a resolution hidden by a moderator]", frozen.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_resolution_title_stays_redacted_in_a_verdict_frozen_before_titles_were_escaped()
    {
        const string title = "Refund 50%, then Jo's address: 12 Elm Road.";
        var d = await OpenDisputeAsync();
        var proposer = await MemberAsync("Proposer");
        var resolution = (await Do(s => s.ProposeResolutionAsync(proposer, d.DisputeId, title, "Details."))).Value;
        var moderator = await WithRoleAsync(await MemberAsync("Moderator"), ConflictForum.Features.Accounts.ForumRoles.Moderator);
        Assert.True((await WithAsync<ConflictForum.Features.Moderation.ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ConflictForum.Features.Content.ContentKind.Resolution, resolution, "Personal information"))).Succeeded);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // A ranking as the code before issue 15 froze it: the title as typed, not escaped. The record keeps it (hash-chained).
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            var body = $"**No verdict**\n\nResolutions, best supported first:\n\n1. {title}: 0 support, 0 oppose\n";
            await scope.ServiceProvider.GetRequiredService<TimelineWriter>().AppendAsync(db, d.DisputeId, Clock.GetUtcNow().UtcDateTime,
                ForumActor.Anonymous, TimelineKind.VerdictFrozen, "Voting closed.", body: body,
                bodyHtml: scope.ServiceProvider.GetRequiredService<MarkdownRenderer>().Render(body).Html);
            await db.SaveChangesAsync();
        }

        var frozen = (await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(d.DisputeId)))
            .Single(e => e.Kind == TimelineKind.VerdictFrozen);
        Assert.DoesNotContain("Elm Road", frozen.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Road", frozen.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("[a resolution hidden by a moderator]", frozen.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tallies_are_blind_until_you_vote_but_parties_see_them_throughout()
    {
        var d = await OpenDisputeAsync();
        var voter = await MemberAsync("Voter");
        var lurker = await MemberAsync("Lurker");
        await Do(s => s.CastFaultVoteAsync(voter, d.DisputeId, FaultOption.ClaimantAtFault));

        var blind = (await TallyAsync(d.DisputeId, lurker))!;
        Assert.False(blind.Visible);
        Assert.Null(blind.Verdict);
        Assert.Equal(1, blind.Total); // how many voted is public; how they voted is not
        Assert.False((await TallyAsync(d.DisputeId, ForumActor.Anonymous))!.Visible);
        Assert.True((await TallyAsync(d.DisputeId, voter))!.Visible);
        Assert.True((await TallyAsync(d.DisputeId, d.Respondent))!.Visible);

        Clock.Advance(TimeSpan.FromDays(8));
        Assert.True((await TallyAsync(d.DisputeId, ForumActor.Anonymous))!.Visible);
    }

    [Fact]
    public async Task Verdict_needs_a_quorum_and_a_clear_lead_and_is_frozen_onto_the_timeline_at_close()
    {
        var d = await OpenDisputeAsync();
        var refund = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(d.Claimant, d.DisputeId, "Full refund", "All £40 back."))).Value;
        var voucher = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(d.Respondent, d.DisputeId, "A voucher", "£10 voucher."))).Value;
        for (var i = 0; i < 9; i++)
        {
            var reader = await MemberAsync($"Reader {i}");
            await Do(s => s.CastFaultVoteAsync(reader, d.DisputeId, i < 8 ? FaultOption.RespondentAtFault : FaultOption.Both));
            await Do(s => s.SetStanceAsync(reader, refund, i < 8));
            if (i < 2) await Do(s => s.SetStanceAsync(reader, voucher, true));
        }
        Assert.Equal("No clear verdict yet: 9 of the 10 votes needed.", (await TallyAsync(d.DisputeId, d.Claimant))!.Verdict!.Text);

        var tenth = await MemberAsync("Tenth");
        await Do(s => s.CastFaultVoteAsync(tenth, d.DisputeId, FaultOption.RespondentAtFault));
        var verdict = (await TallyAsync(d.DisputeId, d.Claimant))!.Verdict!;
        Assert.Equal(FaultOption.RespondentAtFault, verdict.Leader);
        Assert.Equal(0.9, verdict.LeaderShare!.Value.Value, 3);
        Assert.InRange(verdict.LeaderShare.Value.Low, 0.59, 0.60); // Wilson 95% for 9 of 10: 59.6%–98.2%
        Assert.StartsWith("The public finds: the respondent is at fault, 90% (95% interval 60%–98%)", verdict.Text,
            StringComparison.Ordinal);

        // 8 of 9 support outranks 2 of 2: the lower bound of the interval decides, not the raw share.
        var ranked = await WithAsync<DeliberationQueries, IReadOnlyList<ResolutionView>>(q => q.ResolutionsAsync(d.DisputeId, d.Claimant));
        Assert.Equal(["Full refund", "A voucher"], ranked.Select(r => r.Title));

        Clock.Advance(TimeSpan.FromDays(8));
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync());
        var entries = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(d.DisputeId));
        var frozen = Assert.Single(entries, e => e.Kind == TimelineKind.VerdictFrozen);
        Assert.Contains("The public finds: the respondent is at fault", frozen.Body, StringComparison.Ordinal);
        Assert.Contains("1. Full refund: 8 support, 1 oppose", frozen.Body, StringComparison.Ordinal);
        Assert.Equal(verdict.Text, (await TallyAsync(d.DisputeId, ForumActor.Anonymous))!.FinalVerdict);
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(d.DisputeId))).Intact);
    }

    [Fact]
    public async Task Close_tie_gives_no_clear_verdict()
    {
        var d = await OpenDisputeAsync();
        for (var i = 0; i < 12; i++)
        {
            var reader = await MemberAsync($"Reader {i}");
            await Do(s =>
                s.CastFaultVoteAsync(reader, d.DisputeId, i % 2 == 0 ? FaultOption.ClaimantAtFault : FaultOption.RespondentAtFault));
        }

        var verdict = (await TallyAsync(d.DisputeId, d.Claimant))!.Verdict!;
        Assert.Null(verdict.Leader);
        Assert.EndsWith("are too close to call.", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_thread_one_level_carry_party_badges_edit_within_the_window_and_delete_to_a_stub()
    {
        var d = await OpenDisputeAsync();
        var reader = await MemberAsync("Reader");
        var posted = await Do(s => s.PostCommentAsync(reader, d.DisputeId, "Did you keep the **box**?"));
        var first = (await WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(d.DisputeId, reader))).Threads[0].Comment;
        Assert.Equal(first.Id, posted.Value);
        var reply = await Do(s => s.PostCommentAsync(d.Respondent, d.DisputeId, "We have photos of it.", replyTo: posted.Value));
        Assert.True((await Do(s => s.PostCommentAsync(reader, d.DisputeId, "Please post them.", replyTo: reply.Value))).Succeeded);

        var thread = Assert.Single((await WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(d.DisputeId, reader))).Threads);
        Assert.Contains("<strong>box</strong>", thread.Comment.Html, StringComparison.Ordinal);
        Assert.Equal([PartyRole.Respondent, (PartyRole?)null], thread.Replies.Select(r => r.AuthorRole));
        Assert.All(thread.Replies, r => Assert.Equal(first.Id, r.ParentId));

        Assert.True((await Do(s => s.EditCommentAsync(reader, first.Id, "Did you keep the box and the receipt?"))).Succeeded);
        AssertRefusal.Is(DeliberationRefusals.OnlyAuthorEdits, await Do(s => s.EditCommentAsync(d.Claimant, first.Id, "Hijacked")));
        Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("Comments can be edited for 15 minutes after posting.",
            (await Do(s => s.EditCommentAsync(reader, first.Id, "Too late"))).Message);

        Assert.True((await Do(s => s.DeleteCommentAsync(reader, first.Id))).Succeeded);
        var after = Assert.Single((await WithAsync<DeliberationQueries, CommentPage>(q =>
            q.CommentsAsync(d.DisputeId, ForumActor.Anonymous))).Threads);
        Assert.True(after.Comment.Deleted);
        Assert.Null(after.Comment.Html);
        Assert.Equal(2, after.Replies.Count); // the thread stays readable around the stub

        await using var scope = App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Comments.Include(c => c.Revisions)
            .SingleAsync(c => c.Id == first.Id);
        Assert.Equal("Did you keep the box and the receipt?", stored.Source); // on the record for moderators
        Assert.Equal("Did you keep the **box**?", Assert.Single(stored.Revisions).Source);
    }

    [Fact]
    public async Task Comments_come_in_pages_that_cost_the_same_however_long_the_discussion()
    {
        var d = await OpenDisputeAsync();
        var reader = await MemberAsync("Chatty");
        for (var i = 0; i < DeliberationQueries.ThreadsPerPage + 5; i++)
            await Do(s => s.PostCommentAsync(reader, d.DisputeId, $"Comment {i}"));

        var first = await WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(d.DisputeId, reader));
        Assert.Equal(DeliberationQueries.ThreadsPerPage, first.Threads.Count);
        Assert.NotNull(first.NextAfter);
        var second = await WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(d.DisputeId, reader, first.NextAfter));
        Assert.Equal(5, second.Threads.Count);
        Assert.Null(second.NextAfter);
        Assert.Equal("<p>Comment 34</p>", second.Threads[^1].Comment.Html!.Trim());
    }

    [Fact]
    public async Task Parties_state_acceptance_on_the_record_and_members_take_stances()
    {
        var d = await OpenDisputeAsync();
        var reader = await MemberAsync("Reader");
        var id = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(reader, d.DisputeId, "Split the cost", "Half each."))).Value;

        Assert.True((await Do(s => s.AnswerResolutionAsync(d.Respondent, id, PartyAnswer.Accepts))).Succeeded);
        AssertRefusal.Is(DeliberationRefusals.OnlyPartiesAnswer, await Do(s => s.AnswerResolutionAsync(reader, id, PartyAnswer.Accepts)));
        AssertRefusal.Is(DeliberationRefusals.PartiesAnswerInstead, await Do(s => s.SetStanceAsync(d.Claimant, id, false)));
        Assert.True((await Do(s => s.SetStanceAsync(reader, id, false))).Succeeded);

        var view = Assert.Single(await WithAsync<DeliberationQueries, IReadOnlyList<ResolutionView>>(q =>
            q.ResolutionsAsync(d.DisputeId, reader)));
        Assert.Equal(PartyAnswer.Accepts, view.RespondentAnswer);
        Assert.Equal(PartyAnswer.Undecided, view.ClaimantAnswer);
        Assert.Equal(false, view.MyStance);
        Assert.Equal((0, 1), (view.Support, view.Oppose));
        var entries = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(d.DisputeId));
        Assert.Contains(entries, e => e.Kind == TimelineKind.ResolutionProposed
            && e.Summary.Contains("“Split the cost”", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Kind == TimelineKind.ResolutionAnswered
            && e.Summary.Contains("would accept", StringComparison.Ordinal));
        // individual votes stay off the record
        Assert.DoesNotContain(entries, e => e.Summary.Contains("voted", StringComparison.OrdinalIgnoreCase));
    }
}
