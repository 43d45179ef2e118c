using ConflictForum.Data;
using ConflictForum.Features;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Record;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Disputes;

public sealed class DisputeServiceTests : ClockedForumAppTest
{
    private static OpenDisputeInput ValidInput(string statement = "The parcel arrived **broken** and the seller refuses a refund.") => new()
    {
        Title = "Broken lamp and no refund",
        Summary = "The lamp arrived in pieces; the seller says it left intact.",
        Category = DisputeCategory.Purchase,
        RespondentName = "Lamp Shop Ltd",
        Statement = statement,
    };

    private Task<Outcome<OpenedDispute>> OpenAsync(ForumActor claimant, OpenDisputeInput? input = null) =>
        WithAsync<DisputeService, Outcome<OpenedDispute>>(s => s.OpenDisputeAsync(claimant, input ?? ValidInput()));

    private Task<Outcome> Do(Func<DisputeService, Task<Outcome>> action) => WithAsync(action);

    private Task<DisputeView?> ViewAsync(int id, ForumActor viewer) => WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(id, viewer));

    private Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int id) =>
        WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(id));

    [Fact]
    public async Task Opening_a_dispute_records_it_its_statement_and_invitation_on_an_intact_timeline()
    {
        var dana = await MemberAsync("Dana");

        var opened = await OpenAsync(dana);

        Assert.True(opened.Succeeded, opened.Message);
        var view = await ViewAsync(opened.Value!.DisputeId, dana);
        Assert.Equal(DisputeStatus.AwaitingResponse, view!.Dispute.Status);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddDays(7), view.Dispute.ResponseDeadline);
        Assert.Contains("<strong>broken</strong>", view.ClaimantStatement!.Html, StringComparison.Ordinal);
        Assert.Equal([TimelineKind.DisputeOpened, TimelineKind.StatementPosted, TimelineKind.InvitationIssued],
            (await TimelineAsync(view.Dispute.Id)).Select(e => e.Kind));
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(view.Dispute.Id))).Intact);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_and_saves_nothing()
    {
        var dana = await MemberAsync("Dana");
        var input = ValidInput();
        input.Title = "Too short";

        var outcome = await OpenAsync(dana, input);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("The title must be 10 to 120 characters long.", outcome.Message);
        Assert.Equal(0, (await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new()))).Total);
    }

    [Fact]
    public async Task Anonymous_readers_cannot_open_disputes()
    {
        var outcome = await OpenAsync(ForumActor.Anonymous);

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        AssertRefusal.Is(ForumGuardian.SignInFirst, outcome);
    }

    [Fact]
    public async Task Invitation_token_is_single_use_and_only_its_hash_is_stored()
    {
        var dana = await MemberAsync("Dana");
        var shop = await MemberAsync("Lamp Shop");
        var opened = (await OpenAsync(dana)).Value!;

        Assert.True(opened.InvitationToken.Length >= 43, "At least 256 bits, base64url.");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            var stored = await db.Invitations.SingleAsync();
            Assert.NotEqual(opened.InvitationToken, stored.TokenHash);
            Assert.Equal(Invitation.HashOf(opened.InvitationToken), stored.TokenHash);
        }

        var own = await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(dana, opened.InvitationToken));
        AssertRefusal.Is(DisputeRefusals.OwnInvitation, own);

        var forged = await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(shop, opened.InvitationToken[..^2] + "xx"));
        Assert.Equal(OutcomeKind.NotFound, forged.Kind);

        var accepted = await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(shop, opened.InvitationToken));
        Assert.True(accepted.Succeeded, accepted.Message);
        var view = await ViewAsync(opened.DisputeId, shop);
        Assert.True(view!.Dispute.AwaitsRespondentStatement); // joined, not yet heard: the public waits for their statement
        Assert.Equal(PartyRole.Respondent, view.ViewerRole);

        var latecomer = await MemberAsync("Latecomer");
        var again = await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(latecomer, opened.InvitationToken));
        AssertRefusal.Is(DisputeRefusals.InvitationUsed, again);
    }

    [Fact]
    public async Task Revoked_and_expired_links_explain_themselves_and_a_reissued_link_works()
    {
        var dana = await MemberAsync("Dana");
        var shop = await MemberAsync("Lamp Shop");
        var opened = (await OpenAsync(dana)).Value!;

        Assert.True((await Do(s => s.RevokeInvitationAsync(dana, opened.DisputeId))).Succeeded);
        var revoked = await WithAsync<DisputeService, Outcome<InvitationPreview>>(s => s.InspectInvitationAsync(opened.InvitationToken));
        Assert.StartsWith("This invitation link was revoked", revoked.Message, StringComparison.Ordinal);

        var reissued = await WithAsync<DisputeService, Outcome<string>>(s => s.ReissueInvitationAsync(dana, opened.DisputeId));
        Assert.True(reissued.Succeeded, reissued.Message);
        var stranger = await WithAsync<DisputeService, Outcome<string>>(s => s.ReissueInvitationAsync(shop, opened.DisputeId));
        AssertRefusal.Is(DisputeRefusals.OnlyClaimantManagesInvitation, stranger);

        Clock.Advance(TimeSpan.FromDays(6));
        var preview = await WithAsync<DisputeService, Outcome<InvitationPreview>>(s => s.InspectInvitationAsync(reissued.Value!));
        Assert.True(preview.Succeeded, preview.Message);
        Assert.Equal("Dana", preview.Value!.ClaimantName);

        // A link never outlives the response window (7 days), even though links may live 14.
        Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddDays(1), preview.Value.ExpiresAt);
        Clock.Advance(TimeSpan.FromDays(2));
        var late = await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(shop, reissued.Value!));
        Assert.StartsWith("This invitation link has expired.", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_dispute_opens_at_its_deadline_and_closes_after_the_voting_window_even_without_the_sweep()
    {
        var dana = await MemberAsync("Dana");
        var opened = (await OpenAsync(dana)).Value!;

        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var reader = await ViewAsync(opened.DisputeId, ForumActor.Anonymous);
        Assert.Equal(DisputeStatus.Open, reader!.Dispute.Status);
        Assert.True(reader.Dispute.RespondentDidNotRespond);

        Assert.True((await Do(s => s.PostReplyAsync(dana, opened.DisputeId, "Still waiting for an answer."))).Succeeded);
        var entries = await TimelineAsync(opened.DisputeId);
        Assert.Contains(entries, e => e.Kind == TimelineKind.StatusChanged && e.ActorId is null
            && e.Summary.Contains("without an answer", StringComparison.Ordinal));

        Clock.Advance(TimeSpan.FromDays(7));
        var closed = await Do(s => s.PostReplyAsync(dana, opened.DisputeId, "One more thing."));
        AssertRefusal.Is(DisputeRefusals.Closed, closed);
        Assert.Equal(DisputeStatus.Closed, (await ViewAsync(opened.DisputeId, dana))!.Dispute.Status);
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(opened.DisputeId))).Intact);
    }

    [Fact]
    public async Task Deadline_service_saves_due_transitions_in_the_background()
    {
        var dana = await MemberAsync("Dana");
        var opened = (await OpenAsync(dana)).Value!;

        Clock.Advance(TimeSpan.FromDays(15)); // the hosted service's timer runs on this clock, so it ticks now

        var status = DisputeStatus.AwaitingResponse;
        for (var attempt = 0; attempt < 100 && status != DisputeStatus.Closed; attempt++)
        {
            await Task.Delay(50);
            await using var scope = App.Services.CreateAsyncScope();
            status = await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Disputes
                .Where(d => d.Id == opened.DisputeId).Select(d => d.Status).SingleAsync();
        }
        Assert.Equal(DisputeStatus.Closed, status);
        Assert.Equal(0, await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync()));
        Assert.Equal(2, (await TimelineAsync(opened.DisputeId)).Count(e => e.Kind == TimelineKind.StatusChanged));
    }

    [Fact]
    public async Task Each_party_edits_only_its_own_statement_and_every_version_is_kept()
    {
        var dana = await MemberAsync("Dana");
        var shop = await MemberAsync("Lamp Shop");
        var reader = await MemberAsync("Reader");
        var opened = (await OpenAsync(dana)).Value!;
        await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(shop, opened.InvitationToken));

        Assert.True((await Do(s => s.SaveStatementAsync(shop, opened.DisputeId, "It left our warehouse intact."))).Succeeded);
        Assert.True((await Do(s => s.SaveStatementAsync(shop, opened.DisputeId, "It left our warehouse intact; we offer 50%."))).Succeeded);
        AssertRefusal.Is(DisputeRefusals.OnlyPartiesWriteStatements,
            await Do(s => s.SaveStatementAsync(reader, opened.DisputeId, "Me too")));
        Assert.Equal(OutcomeKind.Invalid,
            (await Do(s => s.SaveStatementAsync(shop, opened.DisputeId, "It left our warehouse intact; we offer 50%."))).Kind);

        var view = await ViewAsync(opened.DisputeId, reader);
        Assert.True(view!.RespondentStatement!.Edited);
        Assert.Equal(2, view.RespondentStatement.Revision);
        Assert.Equal("The parcel arrived **broken** and the seller refuses a refund.",
            await WithAsync<DisputeQueries, string?>(q => q.StatementSourceAsync(opened.DisputeId, PartyRole.Claimant, reader)));
        var (revisions, _) =
            await WithAsync<DisputeQueries, (IReadOnlyList<StatementRevision>, ConflictForum.Features.Content.HiddenNotice?)>(q =>
                q.RevisionsAsync(opened.DisputeId, PartyRole.Respondent, ForumActor.Anonymous));
        Assert.Equal(["It left our warehouse intact.", "It left our warehouse intact; we offer 50%."], revisions.Select(r => r.Source));
        Assert.Contains(await TimelineAsync(opened.DisputeId), e => e.Kind == TimelineKind.StatementEdited
            && e.Reference == "statement:Respondent:2");
    }

    [Fact]
    public async Task Long_statement_with_emoji_and_non_Latin_text_survives_intact()
    {
        var dana = await MemberAsync("Dana");
        var unit = "Ünïcødé 👩🏽‍⚖️ العربية 中文 हिन्दी — ";
        var statement = string.Concat(Enumerable.Repeat(unit, PartyStatement.MaxLength / unit.Length + 1))[..PartyStatement.MaxLength];
        if (char.IsHighSurrogate(statement[^1])) statement = statement[..^1];

        var opened = await OpenAsync(dana, ValidInput(statement));

        Assert.True(opened.Succeeded, opened.Message);
        var view = await ViewAsync(opened.Value!.DisputeId, dana);
        Assert.NotNull(view!.ClaimantStatement);
        Assert.Equal(statement,
            await WithAsync<DisputeQueries, string?>(q => q.StatementSourceAsync(opened.Value!.DisputeId, PartyRole.Claimant, dana)));
        Assert.Contains("👩🏽‍⚖️ العربية 中文 हिन्दी", view.ClaimantStatement.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_claimant_withdraws_and_only_before_anyone_votes()
    {
        var dana = await MemberAsync("Dana");
        var shop = await MemberAsync("Lamp Shop");
        var first = (await OpenAsync(dana)).Value!;
        var second = (await OpenAsync(dana)).Value!;

        AssertRefusal.Is(DisputeRefusals.OnlyClaimantWithdraws, await Do(s => s.WithdrawAsync(shop, first.DisputeId)));
        Assert.True((await Do(s => s.WithdrawAsync(dana, first.DisputeId))).Succeeded);
        Assert.Equal(DisputeStatus.Withdrawn, (await ViewAsync(first.DisputeId, shop))!.Dispute.Status);
        AssertRefusal.Is(DisputeRefusals.Withdrawn, await Do(s => s.PostReplyAsync(dana, first.DisputeId, "Hello?")));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Disputes.Where(d => d.Id == second.DisputeId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimantAtFaultVotes, 1));
        }
        AssertRefusal.Is(DisputeRefusals.VotingStarted, await Do(s => s.WithdrawAsync(dana, second.DisputeId)));
    }

    [Fact]
    public async Task Changing_a_timeline_row_in_the_database_is_reported_by_verify()
    {
        var dana = await MemberAsync("Dana");
        var opened = (await OpenAsync(dana)).Value!;
        await Do(s => s.PostReplyAsync(dana, opened.DisputeId, "We never agreed to that."));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            await db.TimelineEntries.Where(e => e.DisputeId == opened.DisputeId && e.Sequence == 4)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, "We agreed to that."));
        }

        var verdict = await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(opened.DisputeId));
        Assert.False(verdict.Intact);
        Assert.Equal(4, verdict.FirstBrokenSequence);
        Assert.Equal("The record is broken: entry 4 was changed after it was written.", verdict.Message);
    }

    [Fact]
    public async Task Rewriting_an_old_statement_version_in_the_database_is_reported_by_verify()
    {
        var dana = await MemberAsync("Dana");
        var opened = (await OpenAsync(dana)).Value!;

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForumDbContext>().StatementRevisions
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Source, "The parcel arrived fine."));
        }

        var verdict = await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(opened.DisputeId));
        Assert.False(verdict.Intact);
        Assert.Equal(2, verdict.FirstBrokenSequence);
    }

    [Fact]
    public async Task Changing_the_statement_readers_see_or_a_reply_s_html_is_reported_by_verify()
    {
        var dana = await MemberAsync("Dana");
        var opened = (await OpenAsync(dana)).Value!;
        await Do(s => s.PostReplyAsync(dana, opened.DisputeId, "We never agreed to that."));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Statements
                .ExecuteUpdateAsync(s => s.SetProperty(st => st.Html, "<p>The parcel arrived fine.</p>"));
        }
        var shown = await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(opened.DisputeId));
        Assert.Equal("The record is broken: the claimant's statement on display differs from its recorded version.", shown.Message);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            await db.Statements.ExecuteUpdateAsync(s =>
                s.SetProperty(st => st.Html, st => db.StatementRevisions.Where(r => r.StatementId == st.Id).Select(r => r.Html).First()));
            await db.TimelineEntries.Where(e => e.Kind == TimelineKind.Reply)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.BodyHtml, "<p>We agreed.</p>"));
        }
        var reply = await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(opened.DisputeId));
        Assert.Equal("The record is broken: entry 4 was changed after it was written.", reply.Message);
    }

    [Fact]
    public async Task Timeline_rows_cannot_be_updated_or_deleted_through_the_app()
    {
        var dana = await MemberAsync("Dana");
        await OpenAsync(dana);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var entry = await db.TimelineEntries.FirstAsync();
        entry.Summary = "Nothing happened.";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task List_searches_filters_sorts_and_pages()
    {
        var dana = await MemberAsync("Dana");
        for (var i = 0; i < 22; i++)
        {
            var input = ValidInput();
            input.Title = $"Broken lamp number {i:00}";
            input.Category = i % 2 == 0 ? DisputeCategory.Purchase : DisputeCategory.Service;
            await OpenAsync(dana, input);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var fence = ValidInput();
        fence.Title = "Fence between the gardens";
        fence.Summary = "Who pays for 50% of the fence?";
        fence.Category = DisputeCategory.Neighbours;
        await OpenAsync(dana, fence);

        var first = await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new()));
        Assert.Equal(23, first.Total);
        Assert.Equal(DisputeListQuery.PageSize, first.Rows.Count);
        Assert.Equal("Fence between the gardens", first.Rows[0].Dispute.Title);
        Assert.Equal(3, (await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new(Page: 2)))).Rows.Count);

        var search = await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new(Search: "50%")));
        Assert.Equal("Fence between the gardens", Assert.Single(search.Rows).Dispute.Title);
        Assert.Equal(11, (await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new(Category: DisputeCategory.Service)))).Total);
        var closing = await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new(Sort: DisputeSort.ClosingSoon)));
        Assert.Equal("Broken lamp number 00", closing.Rows[0].Dispute.Title);
        Assert.Equal("Dana", closing.Rows[0].ClaimantName);
        Assert.Equal("Lamp Shop Ltd", closing.Rows[0].RespondentName);
    }

    [Fact]
    public async Task Twenty_concurrent_replies_from_both_parties_all_land_on_one_unbroken_chain()
    {
        var dana = await MemberAsync("Dana");
        var shop = await MemberAsync("Lamp Shop");
        var opened = (await OpenAsync(dana)).Value!;
        await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(shop, opened.InvitationToken));
        var before = (await TimelineAsync(opened.DisputeId)).Count;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Do(s => s.PostReplyAsync(i % 2 == 0 ? dana : shop, opened.DisputeId, $"Reply number {i}.")))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        var entries = await TimelineAsync(opened.DisputeId);
        Assert.Equal(before + 20, entries.Count);
        Assert.Equal(Enumerable.Range(1, entries.Count), entries.Select(e => e.Sequence));
        Assert.Equal(20,
            entries.Select(e => e.Body).Where(b => b?.StartsWith("Reply number", StringComparison.Ordinal) == true).Distinct().Count());
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(opened.DisputeId))).Intact);
    }
}
