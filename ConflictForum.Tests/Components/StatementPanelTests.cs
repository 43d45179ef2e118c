using Bunit;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>A party's statement as a reader sees it, from the dispute the services read for them.</summary>
public sealed class StatementPanelTests : ForumAppComponentTest
{
    private async Task<IRenderedComponent<StatementPanel>> ClaimantPanelAsync(int disputeId, Decision? canWrite = null)
    {
        var view = await ReadAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(disputeId, ForumActor.Anonymous));
        return Render<StatementPanel>(p => p.Add(c => c.DisputeId, disputeId).Add(c => c.Role, PartyRole.Claimant)
            .Add(c => c.PartyName, view!.Row.ClaimantName).Add(c => c.Statement, view.ClaimantStatement)
            .Add(c => c.CanWrite, canWrite ?? Decision.Denied("")));
    }

    [Fact]
    public async Task The_statement_shows_with_its_party_and_no_version_link_until_it_is_edited()
    {
        var d = await Given.DisputeBetweenAsync("Carla Claimant", "Rob Respondent",
            Scenario.Dispute(statement: "The lamp arrived **in pieces**."));

        var panel = await ClaimantPanelAsync(d.DisputeId);

        var statement = panel.Find("[data-testid='statement-claimant']");
        Assert.Equal("Carla Claimant", statement.QuerySelector("h2")?.TextContent.Trim());
        Assert.Equal("in pieces", statement.QuerySelector(".cf-markdown strong")?.TextContent);
        Assert.Empty(panel.FindAll("[data-testid='edited-link']"));
        Assert.Empty(Buttons(panel, "Edit your statement"));
    }

    [Fact]
    public async Task An_edited_statement_links_to_its_version_history()
    {
        var d = await Given.DisputeBetweenAsync("Carla Claimant", "Rob Respondent");
        await Given.EditStatementAsync(d.Claimant, d.DisputeId, "It arrived broken, and the shop will not answer.");

        var panel = await ClaimantPanelAsync(d.DisputeId);

        var link = panel.Find("[data-testid='edited-link']");
        Assert.Equal("edited · version 2", link.TextContent.Trim());
        Assert.Equal(DisputeAddresses.StatementUrl(d.DisputeId, "claimant"), link.GetAttribute("href"));
        Assert.Equal($"disputes/{d.DisputeId}/statements/claimant", link.GetAttribute("href"));
        Assert.Contains("the shop will not answer", panel.Find("[data-testid='statement-claimant']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_party_who_may_write_it_is_offered_the_edit()
    {
        var d = await Given.DisputeBetweenAsync("Carla Claimant", "Rob Respondent");

        var panel = await ClaimantPanelAsync(d.DisputeId, Decision.Granted);

        Assert.Single(Buttons(panel, "Edit your statement"));
    }
}
