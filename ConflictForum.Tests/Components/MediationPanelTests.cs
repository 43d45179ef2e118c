using Bunit;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Tests.Components;

/// <summary>
/// The mediation panel everyone reads: where the mediation stands, the mediator's notes with their badge (hidden ones as the
/// moderation rules say), the proposals with the answer's controls for the one the reader may answer, and the flag on notes.
/// </summary>
public sealed class MediationPanelTests : ForumAppComponentTest
{
    private static readonly DateTime At = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ForumActor Claimant = new("claimant", "Dana", false, false, null);
    private static readonly ForumActor Mediator = new("mediator", "Ines Mediator", false, false, null);
    private static readonly ForumActor Moderator = new("moderator", "Mo", IsModerator: true, false, null);

    private static MediationView Mediation(MediationStatus status, IReadOnlyList<MediatorNoteView>? notes = null,
        IReadOnlyList<ProposalView>? proposals = null)
    {
        var taken = status is MediationStatus.Requested or MediationStatus.Queued ? (DateTime?)null : At.AddDays(1);
        return new(3, PartyRole.Claimant, At, status, taken is null ? null : Mediator.UserId, taken is null ? null : "Ines Mediator",
            taken, status == MediationStatus.Closed ? At.AddDays(4) : null, null, notes ?? [], proposals ?? []);
    }

    private static MediationSlice Slice(MediationView? mediation, int? answerable = null) =>
        new(mediation is null ? [] : [mediation], PartyRole.Claimant, Decision.Granted, Decision.Granted, null, false, false, answerable);

    private static MediatorNoteView Note(long id, string html, HiddenNotice? hidden = null) =>
        new(id, Mediator.UserId!, "Ines Mediator", html, At.AddDays(2), hidden);

    private static ProposalView Proposal(int id, OfferStatus status, DateTime? claimantAt = null, PartyRole? declinedBy = null) =>
        new(id, new SettlementTerms($"Terms {id}", $"<p>The shop refunds <strong>£{id}0</strong>.</p>", 10m * id, "GBP", null),
            At.AddDays(2), At.AddDays(5), status, claimantAt, null, declinedBy, declinedBy is null ? null : "Too little.");

    private IRenderedComponent<MediationPanel> RenderPanel(MediationSlice slice, ForumActor? viewer = null,
        RenderFragment<ProposalView>? answer = null) =>
        Render<MediationPanel>(p => p.Add(c => c.Slice, slice).Add(c => c.Viewer, viewer).Add(c => c.ProposalAnswer, answer));

    [Fact]
    public void Nothing_shows_when_nobody_asked_for_a_mediator()
    {
        Assert.Equal("", RenderPanel(Slice(null), Claimant).Markup.Trim());
    }

    [Theory]
    [InlineData(MediationStatus.Requested, "Asked for",
        "The claimant asked for a neutral mediator on Mon 2 Nov 2026, 09:00 UTC. The respondent is asked to agree.")]
    [InlineData(MediationStatus.Queued, "Waiting for a mediator",
        "Both parties agreed to mediation. It waits for a mediator: a neutral member who has not voted, commented or flagged")]
    [InlineData(MediationStatus.Active, "Under way",
        "Ines Mediator is mediating since Tue 3 Nov 2026, 09:00 UTC. They stay neutral: they do not vote here")]
    [InlineData(MediationStatus.Closed, "Closed by the mediator", "Ines Mediator closed the mediation on Fri 6 Nov 2026, 09:00 UTC.")]
    public void The_panel_says_where_the_mediation_stands(MediationStatus status, string chip, string sentence)
    {
        var panel = RenderPanel(Slice(Mediation(status)));

        Assert.Equal("Mediation", panel.Find("[data-testid=mediation] h2").TextContent.Trim());
        Assert.Equal(chip, panel.Find("[data-testid=mediation-status]").TextContent.Trim());
        Assert.StartsWith(sentence, panel.Find("[data-testid=mediation-state]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mediation_that_ended_in_a_settlement_on_its_proposal_says_so()
    {
        var settled = Mediation(MediationStatus.Lapsed, proposals: [Proposal(1, OfferStatus.Accepted, claimantAt: At.AddDays(3))]);

        Assert.Equal("Both parties accepted the mediator's proposal: the dispute settled on it, and the mediation ended with it.",
            RenderPanel(Slice(settled)).Find("[data-testid=mediation-state]").TextContent.Trim());
        Assert.Equal("The mediation ended when the dispute settled or closed.",
            RenderPanel(Slice(Mediation(MediationStatus.Lapsed))).Find("[data-testid=mediation-state]").TextContent.Trim());
    }

    [Fact]
    public void Each_note_carries_the_mediator_s_badge_and_a_hidden_one_shows_its_notice_to_readers_and_its_text_to_the_author()
    {
        var hidden = new HiddenNotice(ContentKind.MediatorNote, 12, "Personal information", false, ShowContent: false, false, null);
        var notes = new[] { Note(11, "<p>Look at the <strong>receipt</strong>.</p>"), Note(12, "<p>12 Elm Road</p>", hidden) };

        var reader = RenderPanel(Slice(Mediation(MediationStatus.Active, notes)));
        var articles = reader.FindAll("[data-testid=mediator-note]");
        Assert.Equal(2, articles.Count);
        Assert.All(articles, a => Assert.Equal("Mediator", a.QuerySelector("[data-testid=mediator-badge]")!.TextContent.Trim()));
        Assert.Contains("<strong>receipt</strong>", articles[0].InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator: Personal information", articles[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Road", articles[1].TextContent, StringComparison.Ordinal);

        // The author and moderators read it (the query gives them ShowContent), set apart.
        var shown = hidden with { ShowContent = true };
        var author = RenderPanel(Slice(Mediation(MediationStatus.Active, [notes[0], notes[1] with { Hidden = shown }])), Mediator);
        Assert.Contains("12 Elm Road", author.Find("[data-testid=hidden-content]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_s_html_is_the_sanitized_markdown_of_what_the_mediator_wrote()
    {
        var slice = await NoteSliceAsync("Let us look at the **receipt** first.<script>alert('x')</script><img src=x onerror=alert(1)>");

        var note = RenderPanel(slice!).Find("[data-testid=mediator-note]");

        Assert.Contains("<strong>receipt</strong>", note.InnerHtml, StringComparison.Ordinal);
        Assert.Empty(note.QuerySelectorAll("script, img")); // raw HTML is shown as the text it is, never run
        Assert.Contains("<img src=x onerror=alert(1)>", note.QuerySelector(".cf-markdown")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mediator", note.QuerySelector("[data-testid=mediator-badge]")!.TextContent.Trim());
    }

    [Fact]
    public void The_flag_shows_on_notes_only_to_a_member_who_may_flag_them()
    {
        var hidden = new HiddenNotice(ContentKind.MediatorNote, 12, "Spam", false, ShowContent: true, false, null);
        var slice = Slice(Mediation(MediationStatus.Active, [Note(11, "<p>Hello.</p>"), Note(12, "<p>Buy now.</p>", hidden)]));

        var party = RenderPanel(slice, Claimant).FindAll("[data-testid=mediator-note]");
        Assert.Single(party[0].QuerySelectorAll("[data-testid=flag]"));
        Assert.Empty(party[1].QuerySelectorAll("[data-testid=flag]")); // a hidden note is past flagging
        Assert.Empty(RenderPanel(slice, Mediator).FindAll("[data-testid=flag]")); // never on one's own words
        Assert.Empty(RenderPanel(slice, ForumActor.Anonymous).FindAll("[data-testid=flag]"));
        Assert.Empty(RenderPanel(slice, viewer: null).FindAll("[data-testid=flag]")); // a reader's static page
        Assert.Single(RenderPanel(slice, Moderator).FindAll("[data-testid=flag]"));
    }

    [Fact]
    public void A_proposal_shows_its_status_terms_and_who_accepted_and_the_answer_only_for_the_one_the_reader_may_answer()
    {
        var proposals = new[]
        {
            Proposal(2, OfferStatus.Live, claimantAt: At.AddDays(3)), Proposal(1, OfferStatus.Declined, declinedBy: PartyRole.Respondent),
        };
        RenderFragment<ProposalView> answer = p => b => b.AddMarkupContent(0, $"<button data-testid=answer>Answer {p.Id}</button>");

        var panel = RenderPanel(Slice(Mediation(MediationStatus.Active, proposals: proposals), answerable: 2), Claimant, answer);

        var shown = panel.FindAll("[data-testid=proposal]");
        Assert.Equal(["Open", "Declined"], shown.Select(p => p.QuerySelector("[data-testid=proposal-status]")!.TextContent.Trim()));
        Assert.Contains("<strong>£20</strong>", shown[0].InnerHtml, StringComparison.Ordinal);
        Assert.Contains("20.00 GBP", shown[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Accepted by the claimant on Thu 5 Nov 2026, 09:00 UTC; the respondent has not accepted.",
            shown[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Declined by the respondent: “Too little.”", shown[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Answer 2", Assert.Single(panel.FindAll("[data-testid=answer]")).TextContent);
        Assert.NotNull(shown[0].QuerySelector("[data-testid=answer]"));

        var nothingToAnswer = RenderPanel(Slice(Mediation(MediationStatus.Active, proposals: proposals)), Claimant, answer);
        Assert.Empty(nothingToAnswer.FindAll("[data-testid=answer]"));
    }

    /// <summary>A dispute whose mediator wrote <paramref name="text"/>, as a reader who is not signed in reads its mediation.</summary>
    private async Task<MediationSlice?> NoteSliceAsync(string text)
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var mediator = await Given.WithRoleAsync(await Given.MemberAsync("Ines Mediator"), ForumRoles.Mediator);
        var mediation = (await ReadAsync<MediationService, Outcome<int>>(s => s.RequestAsync(claimant, id))).Value;
        foreach (var step in new Func<MediationService, Task<Outcome>>[]
        {
            s => s.AnswerRequestAsync(respondent, mediation, true), s => s.TakeAsync(mediator, mediation),
            s => s.PostNoteAsync(mediator, mediation, new MediatorTextInput { Text = text }),
        })
            Assert.True((await ReadAsync(step)).Succeeded);
        return await ReadAsync<MediationQueries, MediationSlice?>(q => q.GetAsync(id, ForumActor.Anonymous));
    }
}
