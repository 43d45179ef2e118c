using System.Net;
using System.Net.Http.Json;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Live;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

public sealed class DisputeApiTests : ClockedForumAppTest
{
    /// <summary>An open dispute with <paramref name="votes"/> members voting "respondent at fault", and one resolution.</summary>
    internal static async Task<int> DisputeWithVotesAsync(ForumAppTest test, Func<string, Task<ForumActor>> member, int votes)
    {
        var opened = await test.Given.DisputeBetweenAsync(await member("Claimant Carla"), await member("Respondent Rob"),
            Scenario.Dispute("Fence paint on my car", "Paint drifted onto my car.", "Rob", "Paint everywhere."));
        var resolution = (await test.Run<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(opened.Claimant, opened.DisputeId, "Pay for a valet", "£60."))).Value;
        for (var i = 0; i < votes; i++)
        {
            var reader = await member($"Reader {i}");
            await test.Given.VoteAsync(reader, opened.DisputeId, FaultOption.RespondentAtFault);
            await test.Run<DeliberationService, Outcome>(s => s.SetStanceAsync(reader, resolution, true));
        }
        return opened.DisputeId;
    }

    private async Task<DisputeApi.DisputeJson> GetJsonAsync(int id)
    {
        using var response = await App.CreateBrowserLikeClient().GetAsync(new Uri(DisputeApi.Url(id), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DisputeApi.DisputeJson>())!;
    }

    [Fact]
    public async Task Json_carries_the_live_offers_then_the_settlement_with_both_acceptances()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Claimant Carla", "Respondent Rob");
        var now = Clock.GetUtcNow().UtcDateTime;
        var offer = (await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, id,
            new OfferInput { Terms = "Pay for a valet.", Amount = 60m, Currency = "GBP", ExpiresAt = now.AddDays(1) }))).Value;

        var live = await GetJsonAsync(id);
        Assert.Equal(new DisputeApi.OfferJson(offer, "Claimant", "Pay for a valet.", 60m, "GBP", null, now.AddDays(1)),
            Assert.Single(live.LiveOffers));
        Assert.Null(live.Settlement);

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await Run<OfferService, Outcome>(s => s.AcceptOfferAsync(respondent, offer))).Succeeded);
        var settled = await GetJsonAsync(id);
        Assert.Equal(("Settled", "Settled"), (settled.Status, settled.Outcome));
        Assert.Empty(settled.LiveOffers);
        var json = settled.Settlement!;
        Assert.Equal(new DisputeApi.SettlementJson("Pay for a valet.", 60m, "GBP", null, now, now.AddHours(2), now.AddHours(2),
            json.ReportsFrom, json.Reports, json.NoReportFrom, "NotDue"), json);
        Assert.Equal(now.AddHours(2).AddDays(7), json.ReportsFrom); // no date set: due a week after settling
        Assert.Empty(json.Reports);
        Assert.Empty(json.NoReportFrom);
    }

    [Fact]
    public async Task Json_carries_the_reports_on_the_settlement_and_who_gave_none()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Claimant Carla", "Respondent Rob");
        var now = Clock.GetUtcNow().UtcDateTime;
        var offer = (await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, id,
            new OfferInput { Terms = "Pay for a valet.", ExpiresAt = now.AddDays(1), CarryOutBy = now.Date.AddDays(1) }))).Value;
        Assert.True((await Run<OfferService, Outcome>(s => s.AcceptOfferAsync(respondent, offer))).Succeeded);
        Clock.Advance(TimeSpan.FromDays(1));
        var report = await Run<SettlementReportService, Outcome<int>>(s => s.ReportAsync(respondent, id,
            new ReportInput { Verdict = ReportVerdict.Honoured, Note = "Paid the valet." }));
        Assert.True(report.Succeeded, report.Message);
        Assert.True((await Run<SettlementReportService, Outcome>(s => s.AnswerReportAsync(claimant, report.Value,
            new ReportAnswerInput { Answer = "Confirmed." }))).Succeeded);
        Clock.Advance(TimeSpan.FromDays(15));

        var json = (await GetJsonAsync(id)).Settlement!;
        Assert.Equal(now.Date.AddDays(1), json.ReportsFrom);
        var reported = Assert.Single(json.Reports);
        Assert.Equal(("Respondent", "Honoured", "Paid the valet.", "Confirmed."),
            (reported.From, reported.Verdict, reported.Note, reported.Answer));
        Assert.Equal(["Claimant"], json.NoReportFrom);
        Assert.Equal("HonouredByOne", json.FollowUp); // the claimant's silence is not counted as honoured
    }

    [Fact]
    public async Task Unknown_dispute_is_404()
    {
        using var response = await App.CreateBrowserLikeClient().GetAsync(new Uri(DisputeApi.Url(999), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Json_keeps_tallies_blind_while_voting_runs_and_shows_them_with_the_verdict_once_closed()
    {
        var id = await DisputeWithVotesAsync(this, MemberAsync, votes: 10);

        var open = await GetJsonAsync(id);
        Assert.Equal("Open", open.Status);
        Assert.Equal("Respondent Rob", open.Respondent);
        Assert.Equal(10, open.VoteCount);
        Assert.Null(open.Tallies);
        Assert.Null(open.Verdict);
        Assert.Equal(10, Assert.Single(open.Resolutions).Support); // stances are not blind, only the fault vote is

        Clock.Advance(TimeSpan.FromDays(8));
        var closed = await GetJsonAsync(id);
        Assert.Equal(("Closed", "RespondentAtFault"), (closed.Status, closed.Outcome));
        Assert.Equal(new DisputeApi.FaultTallyJson(0, 10, 0, 0), closed.Tallies);
        Assert.StartsWith("The public finds: the respondent is at fault, 100%", closed.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispute_page_does_not_reveal_blind_tallies_to_a_reader_who_has_not_voted()
    {
        var id = await DisputeWithVotesAsync(this, MemberAsync, votes: 3);

        var (_, html) = await GetPageAsync($"/disputes/{id}");

        Assert.Contains("3 votes cast so far. Vote to see how others voted", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"tally\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Respondent at fault <span", html, StringComparison.Ordinal);
    }
}

public sealed class DisputeApiWithOpenTalliesTests()
    : ForumAppTest(settings: new Dictionary<string, string?> { ["Voting:TalliesVisible"] = "Always" })
{
    [Fact]
    public async Task With_TalliesVisible_Always_the_json_shows_tallies_while_voting_runs()
    {
        var id = await DisputeApiTests.DisputeWithVotesAsync(this, MemberAsync, votes: 2);

        var json = await App.CreateBrowserLikeClient()
            .GetFromJsonAsync<DisputeApi.DisputeJson>(new Uri(DisputeApi.Url(id), UriKind.Relative));

        Assert.Equal(new DisputeApi.FaultTallyJson(0, 2, 0, 0), json!.Tallies);
        Assert.StartsWith("No clear verdict yet: 2 of the 10 votes needed.", json.Verdict, StringComparison.Ordinal);
    }
}
