using System.Net;
using ConflictForum.Features;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>An ended dispute's page, as a reader who is not signed in gets it: how it ended, and nothing that reads as running.</summary>
public sealed class EndedDisputePagesTests() : ClockedForumAppTest(new Dictionary<string, string?>
{
    ["Voting:Quorum"] = "3", ["Voting:MinimumAccountAge"] = "00:00:00",
})
{
    private async Task<string> GetAsync(string path)
    {
        var (status, html) = await GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    [Fact]
    public async Task A_closed_dispute_s_reader_page_shows_its_outcome_and_asks_nobody_to_sign_in()
    {
        var d = await Given.DisputeBetweenAsync("Dana Claimant", "Lamp Shop");
        for (var i = 0; i < 5; i++) await Given.VoteAsync(await MemberAsync($"Voter {i}"), d.DisputeId, FaultOption.RespondentAtFault);
        var running = await GetAsync($"/disputes/{d.DisputeId}");
        Assert.Contains(ForumGuardian.SignInFirst, running, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"outcome\"", running, StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromDays(8)); // past the voting window; the page says so before any sweep saved it
        var html = await GetAsync($"/disputes/{d.DisputeId}");

        Assert.Contains("Verdict: respondent at fault", html, StringComparison.Ordinal);
        Assert.Contains("The public finds: the respondent is at fault, 100% (95% interval", html, StringComparison.Ordinal);
        Assert.Contains("Voting closed on", html, StringComparison.Ordinal);
        Assert.Contains("No resolution was proposed.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ForumGuardian.SignInFirst, html, StringComparison.Ordinal);
        Assert.DoesNotContain("No resolution proposed yet.", html, StringComparison.Ordinal);
        Assert.Contains("No comments were posted.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No comments yet.", html, StringComparison.Ordinal);

        // The list filters on what is saved: the sweep saves the close (within a minute in the app).
        await WithAsync<ConflictForum.Features.Disputes.DisputeService, int>(s => s.ApplyDueDeadlinesAsync());
        var list = await GetAsync("/disputes?outcome=RespondentAtFault");
        Assert.Contains("data-testid=\"outcome-chip\"", list, StringComparison.Ordinal);
        Assert.Contains("Broken lamp and no refund", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Broken lamp and no refund", await GetAsync("/disputes?outcome=NoClearVerdict"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswered_dispute_says_so_and_that_the_other_party_never_joined()
    {
        var opened = await Given.OpenAsync(await MemberAsync("Priya Designer"),
            Scenario.Dispute("Logo delivered, invoice unpaid", respondentName: "Bright Bakery"));
        Clock.Advance(TimeSpan.FromDays(15));

        var html = await GetAsync($"/disputes/{opened.DisputeId}");

        Assert.Contains(">Unanswered<", html, StringComparison.Ordinal);
        Assert.Contains("Bright Bakery never gave their side", html, StringComparison.Ordinal);
        Assert.Contains("The other party never joined.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ForumGuardian.SignInFirst, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settled_dispute_s_page_and_list_chip_say_whether_it_was_honoured()
    {
        var d = await Given.DisputeBetweenAsync("Dana Claimant", "Lamp Shop");
        var now = Clock.GetUtcNow().UtcDateTime;
        var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(d.Claimant, d.DisputeId,
            new OfferInput { Terms = "Refund in full.", ExpiresAt = now.AddDays(1), CarryOutBy = now.Date.AddDays(2) }));
        Assert.True((await WithAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(d.Respondent, offer.Value))).Succeeded);
        Assert.Contains("Settled · awaiting reports", await GetAsync("/disputes"), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromDays(2));
        foreach (var party in new[] { d.Claimant, d.Respondent })
        {
            Assert.True((await WithAsync<SettlementReportService, Outcome<int>>(s => s.ReportAsync(party, d.DisputeId,
                new ReportInput { Verdict = ReportVerdict.Honoured, Note = "Refunded." }))).Succeeded);
        }

        var list = await GetAsync("/disputes?outcome=Settled");
        Assert.Contains("data-follow-up=\"Honoured\"", list, StringComparison.Ordinal);
        Assert.Contains("Settled · honoured", list, StringComparison.Ordinal);
        var page = await GetAsync($"/disputes/{d.DisputeId}");
        Assert.Contains("Settled · honoured", page, StringComparison.Ordinal);
        Assert.Contains("Both parties reported it honoured.", page, StringComparison.Ordinal);
    }
}
