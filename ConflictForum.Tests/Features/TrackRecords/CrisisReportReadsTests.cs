using System.Data.Common;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.TrackRecords;

/// <summary>The report reads set-wise, and covers the newest disputes only, saying so.</summary>
public sealed class CrisisReportReadsTests : QueryCountingTest
{
    [Fact]
    public async Task The_number_of_queries_does_not_grow_with_the_number_of_disputes()
    {
        var (owner, agent) = await BoltAsync();
        var customers = 0;
        async Task AddDisputesAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var opened = await Given.OpenAsync(await MemberAsync($"Customer {++customers}"),
                    Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
                Assert.True((await WithAsync<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(agent, opened.DisputeId))).Succeeded);
                await Given.EditStatementAsync(agent, opened.DisputeId, "We are looking into it.");
            }
        }

        await AddDisputesAsync(2);
        var (few, fewQueries) = await Counter.CountAsync(() => ReportAsync(owner));
        await AddDisputesAsync(8);
        var (many, manyQueries) = await Counter.CountAsync(() => ReportAsync(owner));

        Assert.Equal((2, 10), (few.Rows.Count, many.Rows.Count));
        Assert.All(many.Rows, r => Assert.True(r.Step(CrisisStepKind.Answered).IsReached));
        Assert.Equal(fewQueries, manyQueries);
        Assert.InRange(manyQueries, 1, 4); // the organisation, its disputes, its members, their timelines' steps
    }

    [Fact]
    public async Task Only_the_newest_disputes_are_covered_and_the_report_says_it_is_capped()
    {
        var (owner, _) = await BoltAsync();
        var customer = await MemberAsync("Cara Customer");
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync())
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Slug == Scenario.BoltSlug);
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            // Rows straight into the table: opening 201 disputes through the service would take the test minutes.
            db.Disputes.AddRange(Enumerable.Range(0, CrisisReport.MaxDisputes + 1).Select(i => new Dispute
            {
                Title = $"Dispute number {i}", ClaimantId = customer.UserId!, RespondentName = organisation.Name,
                RespondentOrganisationId = organisation.Id, Status = DisputeStatus.AwaitingResponse, CreatedAt = start.AddHours(i),
                LastActivityAt = start.AddHours(i), ResponseDeadline = start.AddHours(i).AddDays(7),
            }));
            await db.SaveChangesAsync();
        }

        var report = await ReportAsync(owner);
        Assert.True(report.Capped);
        Assert.Equal(CrisisReport.MaxDisputes, report.Rows.Count);
        Assert.Equal(("Dispute number 200", "Dispute number 1"), (report.Rows[0].Title, report.Rows[^1].Title));
        Assert.Contains("of the 200 newest disputes", CrisisReportCsv.Write(report, "https://forum.example.test/"),
            StringComparison.Ordinal);
    }

    private async Task<CrisisReport> ReportAsync(ForumActor reader)
    {
        var report = await WithAsync<CrisisReportQueries, Outcome<CrisisReport>>(q => q.GetAsync(Scenario.BoltSlug, reader));
        Assert.True(report.Succeeded, report.Message);
        return report.Value!;
    }

    private async Task<(ForumActor Owner, ForumActor Agent)> BoltAsync()
    {
        var owner = await MemberAsync("Olga Owner");
        var agent = await MemberAsync("Alex Agent");
        await Given.BoltAsync(owner, agent);
        return (await Given.ReadAsync(owner), await Given.ReadAsync(agent));
    }
}
