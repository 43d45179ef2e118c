using System.Net;
using System.Text.RegularExpressions;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Features.TrackRecords.Pages;
using ConflictForum.Platform;
using ConflictForum.Tests.Features.TrackRecords;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>The crisis-process report's page and its CSV export over HTTP: for the organisation's owners and agents only.</summary>
public sealed partial class CrisisReportPagesTests : ForumAppTest
{
    private const string Title = "=HYPERLINK(\"http://evil.example\",\"refund\"), the lamp";

    [Fact]
    public async Task An_agent_downloads_the_table_as_csv_with_iso_times_quoted_fields_and_formulas_made_inert()
    {
        var disputeId = await BoltWithADisputeAsync();
        var site = new SiteClient(App);
        await site.SignInAsync("alex@example.test", BrowserJourney.Password);

        using var csv = await site.Http.GetAsync(new Uri(CrisisReportCsv.Url(Scenario.BoltSlug), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(("text/csv", "utf-8"), (csv.Content.Headers.ContentType!.MediaType, csv.Content.Headers.ContentType.CharSet));
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // so a spreadsheet reads it as UTF-8
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");

        Assert.StartsWith("\"Dispute\",\"Title\",\"Address\",\"Status\",\"Opened at (UTC)\",\"Joined at (UTC)\",\"Joined gap (hours)\","
            + "\"Joined state\",\"Answered at (UTC)\"", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("\"Settlement report at (UTC)\",\"Settlement report gap (hours)\",\"Settlement report state\"", lines[0],
            StringComparison.Ordinal);
        Assert.StartsWith($"\"{disputeId}\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"refund\"\"), the lamp\","
            + $"\"{App.RootUri}disputes/{disputeId}\",\"AwaitingResponse\",\"", lines[1], StringComparison.Ordinal);
        var fields = Field().Matches(lines[1]).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(20, fields.Count);
        Assert.Matches(IsoTime(), fields[4]); // opened
        Assert.Matches(IsoTime(), fields[5]); // joined
        Assert.Matches(@"^\d+\.\d$", fields[6]); // its gap, in hours with one decimal
        Assert.Equal("reached", fields[7]);
        Assert.Equal("still waiting", fields[10]); // no statement yet
        Assert.StartsWith(",\"The organisation's median\",,,,,\"0.0\",\"median of 1 dispute\",,,\"median of 0 disputes\"", lines[2],
            StringComparison.Ordinal);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public async Task Its_members_read_the_report_linked_from_the_organisation_s_page_and_nobody_else_does()
    {
        var disputeId = await BoltWithADisputeAsync();
        var agent = new SiteClient(App);
        await agent.SignInAsync("alex@example.test", BrowserJourney.Password);
        Assert.Contains($"href=\"{CrisisReportPage.Url(Scenario.BoltSlug)}\"",
            await agent.GetHtmlAsync("/organisations/bolt-couriers"), StringComparison.Ordinal);
        using var page = await agent.Http.GetAsync(new Uri("/" + CrisisReportPage.Url(Scenario.BoltSlug), UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Bolt Couriers Ltd crisis-process report · ConflictForum</title>", html, StringComparison.Ordinal);
        Assert.Contains("Crisis-process report: Bolt Couriers Ltd", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{DisputeAddresses.DisputeUrl(disputeId)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{CrisisReportCsv.Url(Scenario.BoltSlug)}\"", html, StringComparison.Ordinal);
        Assert.Contains(CrisisReport.SlowRule, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-interactive", html, StringComparison.Ordinal); // no circuit

        var stranger = new SiteClient(App);
        await stranger.SignInAsync("sam@example.test", BrowserJourney.Password);
        Assert.DoesNotContain("crisis-report-link", await stranger.GetHtmlAsync("/organisations/bolt-couriers"), StringComparison.Ordinal);
        using var refusedPage = await stranger.Http.GetAsync(new Uri("/" + CrisisReportPage.Url("bolt-couriers"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refusedPage.StatusCode);
        Assert.Contains(TrackRecordRefusals.OnlyItsMembers, WebUtility.HtmlDecode(await refusedPage.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.DoesNotContain(Title, WebUtility.HtmlDecode(await refusedPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var refusedCsv = await stranger.Http.GetAsync(new Uri(CrisisReportCsv.Url("bolt-couriers"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refusedCsv.StatusCode);
        Assert.Equal(TrackRecordRefusals.OnlyItsMembers, await refusedCsv.Content.ReadAsStringAsync());

        // Signed out, both ask to sign in first.
        using var anonymous = await new SiteClient(App).Http.GetAsync(new Uri(CrisisReportCsv.Url("bolt-couriers"), UriKind.Relative));
        Assert.Equal("/Account/Login", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
        using var anonymousPage = await new SiteClient(App).Http.GetAsync(
            new Uri("/" + CrisisReportPage.Url("bolt-couriers"), UriKind.Relative));
        Assert.Equal("/Account/Login", anonymousPage.RequestMessage!.RequestUri!.AbsolutePath);
    }

    /// <summary>Bolt (Olga owns it, Alex is its agent: both sign in), Sam who has nothing to do with it, a dispute Alex joined.</summary>
    private async Task<int> BoltWithADisputeAsync()
    {
        var owner = await Given.MemberAsync("Olga Owner", "olga@example.test");
        var agent = await Given.MemberAsync("Alex Agent", "alex@example.test");
        await Given.MemberAsync("Sam Stranger", "sam@example.test");
        await Given.BoltAsync(owner, agent);
        var opened = await Given.OpenAsync(await MemberAsync("Cara Customer"),
            Scenario.Dispute(title: Title, respondentName: "Bolt Couriers Ltd"));
        var acting = await Run<ForumActors, ForumActor>(a => a.ForUserAsync(agent.UserId));
        var joined = await Run<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(acting, opened.DisputeId));
        Assert.True(joined.Succeeded, joined.Message);
        return opened.DisputeId;
    }

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"|(?<=^|,)()(?=,|$)")]
    private static partial Regex Field();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")]
    private static partial Regex IsoTime();
}
