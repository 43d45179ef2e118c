using System.Net.Http.Json;
using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Live;
using ConflictForum.Features.Organisations;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Http;

/// <summary>What a new developer sees after `dotnet run`: the seeded demo, built through the real services.</summary>
public sealed class DemoDataTests() : ForumAppTest(settings: new Dictionary<string, string?> { ["SeedDemoData"] = "true" })
{
    [Fact]
    public async Task Demo_seeds_accounts_and_disputes_in_every_state_with_a_live_discussion_and_moderation_on_the_record()
    {
        var (_, list) = await GetPageAsync("/disputes");
        Assert.Contains("16 disputes", list, StringComparison.Ordinal);
        foreach (var status in
                 new[] { "Awaiting response", "Awaiting statement", "Open for votes", "Open · no response", "Closed", "Settled" })
            Assert.Contains(status, list, StringComparison.Ordinal);

        var washer = await App.CreateBrowserLikeClient()
            .GetFromJsonAsync<DisputeApi.DisputeJson>(new Uri("/api/disputes/1", UriKind.Relative));
        Assert.Equal(4, washer!.VoteCount);
        Assert.Equal((3, 1, "Accepts"),
            (washer.Resolutions[0].Support, washer.Resolutions[0].Oppose, washer.Resolutions[0].RespondentAnswer));

        // Settled by an offer and a counter-offer, and reported honoured by the claimant once due.
        var fridge = await App.CreateBrowserLikeClient()
            .GetFromJsonAsync<DisputeApi.DisputeJson>(new Uri(DisputeApi.Url(6), UriKind.Relative));
        Assert.Equal("Settled", fridge!.Outcome);
        Assert.Equal(40m, fridge.Settlement!.Amount);
        Assert.Equal(("Claimant", "Honoured"), (fridge.Settlement.Reports.Single().From, fridge.Settlement.Reports.Single().Verdict));
        Assert.Equal("AwaitingOneReport", fridge.Settlement.FollowUp); // Northwind has not reported yet: not counted as honoured

        // Settled by an offer, then reported not honoured by the claimant and answered by the respondent: disputed, and the
        // discussion open again with a comment after the report.
        var driveway = await App.CreateBrowserLikeClient()
            .GetFromJsonAsync<DisputeApi.DisputeJson>(new Uri(DisputeApi.Url(7), UriKind.Relative));
        Assert.Equal(("SettlementDisputed", "SettlementDisputed"), (driveway!.Status, driveway.Outcome));
        var notHonoured = Assert.Single(driveway.Settlement!.Reports);
        Assert.Equal(("Claimant", "NotHonoured"), (notHonoured.From, notHonoured.Verdict));
        Assert.NotNull(notHonoured.Answer);
        Assert.Contains("Settled · disputed", list, StringComparison.Ordinal);
        Assert.Contains("Settled · awaiting a report", list, StringComparison.Ordinal);
        var (_, disputed) = await GetPageAsync("/disputes/7");
        Assert.Contains("Settled · disputed", disputed, StringComparison.Ordinal);
        Assert.Contains("A bounced standing order happens to everyone.", disputed, StringComparison.Ordinal);

        // Settled on a mediator's proposal after two notes, and reported honoured by both parties.
        var bike = await App.CreateBrowserLikeClient()
            .GetFromJsonAsync<DisputeApi.DisputeJson>(new Uri(DisputeApi.Url(8), UriKind.Relative));
        Assert.Equal(("Settled", "Honoured", 180m), (bike!.Outcome, bike.Settlement!.FollowUp, bike.Settlement.Amount));
        Assert.Contains("Settled · honoured", list, StringComparison.Ordinal);
        Assert.Equal(("Lapsed", "Claimant", "Ines Ward", 2), (bike.Mediation!.Status, bike.Mediation.RequestedBy, bike.Mediation.Mediator,
            bike.Mediation.Notes));
        Assert.Equal(("Accepted", 180m), (bike.Mediation.Proposals.Single().Status, bike.Mediation.Proposals.Single().Amount));
        var (_, mediated) = await GetPageAsync("/disputes/8");
        Assert.Contains("The terms are the mediator's proposal, which both parties accepted.", mediated, StringComparison.Ordinal);
        Assert.Contains("charge-cycle", mediated, StringComparison.Ordinal); // the mediator's notes, for every reader
        Assert.Contains("Ines Ward took the mediation as a neutral mediator.", mediated, StringComparison.Ordinal);

        // Moderation in the open: the hidden comment's reason is on the page and the public log, its text is not.
        var (_, page) = await GetPageAsync("/disputes/1");
        Assert.Contains("Hidden by a moderator: Personal information: a staff member's private phone number", page,
            StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900461", page, StringComparison.Ordinal);
        var (_, log) = await GetPageAsync("/moderation/log");
        Assert.Contains("Morgan Reyes (moderator) hid a comment by Sam Okafor", log, StringComparison.Ordinal);

        // Every seeded record verifies, held to its anchor and with every comment, edit and resolution it covers.
        for (var id = 1; id <= 16; id++)
        {
            var verdict = await Run<ConflictForum.Features.Record.RecordVerifier, ConflictForum.Features.Timeline.ChainVerdict>(q =>
                q.VerifyRecordAsync(id));
            Assert.True(verdict.Intact, $"Dispute {id}: {verdict.Message}");
        }

        var credentials = await File.ReadAllTextAsync(Path.Combine(App.DataFolder, "demo-accounts.txt"));
        Assert.Contains("admin@demo.conflictforum.local", credentials, StringComparison.Ordinal);
        Assert.Matches("password: demo-[A-Za-z0-9]{16}", credentials);
        Assert.Contains("olga@demo.conflictforum.local  Olga Petrova  [owner of Bolt Couriers Ltd]", credentials, StringComparison.Ordinal);
        Assert.Contains("support@demo.conflictforum.local  Nadia Brooks  [agent of Northwind Appliances]", credentials,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_has_two_verified_organisations_whose_disputes_end_in_at_least_five_different_ways()
    {
        var organisations = await Run<OrganisationQueries, IReadOnlyList<Organisation>>(q => q.ListAsync());
        Assert.Equal(
            new[] { ("Bolt Couriers Ltd", OrganisationVerification.Domain), ("Northwind Appliances", OrganisationVerification.Admin) },
            organisations.Select(o => (o.Name, o.Verification)));
        foreach (var organisation in organisations)
        {
            var members = (await Run<OrganisationQueries, OrganisationView?>(q => q.GetAsync(organisation.Slug, ForumActor.Anonymous)))!
                .Members.Select(m => m.Role);
            Assert.Equal(new[] { OrganisationRole.Owner, OrganisationRole.Agent }, members);
        }

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        var disputes = await db.Disputes.Where(d => d.RespondentOrganisationId != null)
            .Select(d => new { d.Id, d.RespondentOrganisationId, d.RespondentId }).ToListAsync();
        var outcomes = new Dictionary<int, List<string>>();
        foreach (var dispute in disputes)
        {
            var json = await App.CreateBrowserLikeClient()
                .GetFromJsonAsync<DisputeApi.DisputeJson>(new Uri(DisputeApi.Url(dispute.Id), UriKind.Relative));
            var outcome = json!.Outcome == "Settled" ? $"Settled, {json.Settlement!.FollowUp}" : json.Outcome;
            outcomes.TryAdd(dispute.RespondentOrganisationId!.Value, []);
            outcomes[dispute.RespondentOrganisationId.Value].Add(dispute.RespondentId is null ? $"{outcome}, not joined" : outcome);
        }
        Assert.All(organisations, o => Assert.True(outcomes[o.Id].Count >= 4, string.Join("; ", outcomes[o.Id])));
        // Settled and honoured by both, settlement disputed, verdicts against and in favour, unanswered, awaiting its answer,
        // running with offers: every figure of an organisation's page has something to show.
        Assert.Superset(new HashSet<string>
            {
                "Settled, Honoured", "SettlementDisputed", "RespondentAtFault", "ClaimantAtFault", "Unanswered, not joined",
                "Running, not joined", "Running",
            },
            outcomes.Values.SelectMany(o => o).ToHashSet());

        // The counter-offer after a declined offer is live on the running microwave dispute.
        var microwave = await App.CreateBrowserLikeClient()
            .GetFromJsonAsync<DisputeApi.DisputeJson>(new Uri(DisputeApi.Url(12), UriKind.Relative));
        Assert.Equal(("Running", 150m), (microwave!.Outcome, Assert.Single(microwave.LiveOffers).Amount));
        var (_, page) = await GetPageAsync("/disputes/14");
        Assert.Contains("Olga Petrova for Bolt Couriers Ltd", page, StringComparison.Ordinal);
    }
}
