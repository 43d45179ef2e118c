using System.Net;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Record;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>What the dispute pages show on first load (the prerendered HTML a reader and a search engine get).</summary>
public sealed class DisputePagesTests : ForumAppTest
{
    private static OpenDisputeInput Deposit => Scenario.Dispute("Deposit kept for cleaning",
        "The landlord kept £400 of the deposit for a professional clean.", "Harbour Lettings",
        "The flat was cleaned before we left.\nPhotos were taken on the day.", DisputeCategory.Other);

    private Task<OpenedDispute> OpenAsync(ForumActor claimant) => Given.OpenAsync(claimant, Deposit);

    private async Task<string> GetAsync(string path)
    {
        var (status, html) = await GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    [Fact]
    public async Task Statement_history_shows_every_version_and_what_changed()
    {
        var tenant = await MemberAsync("Tenant Tom");
        var opened = await OpenAsync(tenant);
        await WithAsync<DisputeService, Outcome>(s => s.SaveStatementAsync(tenant, opened.DisputeId,
            "The flat was cleaned before we left.\nPhotos were taken on the day and sent to the agent."));

        var html = await GetAsync($"/disputes/{opened.DisputeId}/statements/claimant");

        Assert.Contains("Version 1", html, StringComparison.Ordinal);
        Assert.Contains("Version 2", html, StringComparison.Ordinal);
        Assert.Contains("What changed from version 1", html, StringComparison.Ordinal);
        // A word diff of the text as it reads: the changed words marked, said to a screen reader too.
        Assert.Contains("<del><span class=\"cf-sr-only\">removed: </span>day.</del> "
            + "<ins><span class=\"cf-sr-only\">added: </span>day and sent to the agent.</ins>", html, StringComparison.Ordinal);
        Assert.Contains("The flat was cleaned before we left. Photos were taken on the", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_history_says_when_a_version_only_changed_how_it_was_written()
    {
        var tenant = await MemberAsync("Tenant Tom");
        var opened = await OpenAsync(tenant);
        await WithAsync<DisputeService, Outcome>(s => s.SaveStatementAsync(tenant, opened.DisputeId,
            "The flat was *cleaned* before we left.\nPhotos were taken on the day."));

        var html = await GetAsync($"/disputes/{opened.DisputeId}/statements/claimant");

        Assert.Contains("The text reads the same; only how it was written changed.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ins>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<del>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("*cleaned*", html, StringComparison.Ordinal); // the Markdown source is never shown
    }

    [Fact]
    public async Task Dispute_page_shows_both_sides_the_deadline_and_the_timeline()
    {
        var tenant = await MemberAsync("Tenant Tom");
        var opened = await OpenAsync(tenant);

        var html = await GetAsync($"/disputes/{opened.DisputeId}");

        Assert.Contains("<title>Deposit kept for cleaning · ConflictForum</title>", html, StringComparison.Ordinal);
        Assert.Contains("Deposit kept for cleaning", html, StringComparison.Ordinal);
        Assert.Contains("Awaiting response", html, StringComparison.Ordinal);
        Assert.Contains("Response due in 6 days", html, StringComparison.Ordinal);
        Assert.Contains("The other party has not joined yet.", html, StringComparison.Ordinal);
        Assert.Contains("Tenant Tom opened the dispute against Harbour Lettings.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.InvitationToken, html, StringComparison.Ordinal); // a reader never sees the link
    }

    [Fact]
    public async Task A_hidden_dispute_shows_the_other_party_s_typed_name_nowhere_to_a_reader()
    {
        const string typed = "Zebedee Quillfeather";
        var tenant = await MemberAsync("Tenant Tom");
        var opened = await Given.OpenAsync(tenant,
            Scenario.Dispute("Deposit kept by a private landlord", "He kept all of it.", typed, "The flat was spotless."));
        await WithAsync<DisputeService, Outcome<string>>(s =>
            s.ReissueInvitationAsync(tenant, opened.DisputeId)); // a second "issued a link for" entry
        var moderator = await WithRoleAsync(await MemberAsync("Mod Erator"), ConflictForum.Features.Accounts.ForumRoles.Moderator);
        Assert.True((await WithAsync<ConflictForum.Features.Moderation.ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ConflictForum.Features.Content.ContentKind.Dispute, opened.DisputeId,
                "Names a private person"))).Succeeded);

        foreach (var path in new[] { "/disputes", $"/disputes/{opened.DisputeId}", $"/members/{tenant.UserId}",
            $"/api/disputes/{opened.DisputeId}" })
        {
            var html = await GetAsync(path);
            Assert.DoesNotContain("Quillfeather", html, StringComparison.Ordinal);
        }
        var page = await GetAsync($"/disputes/{opened.DisputeId}");
        Assert.Contains("opened the dispute against the other party.", page, StringComparison.Ordinal);
        Assert.Contains("<span>the other party</span>", page, StringComparison.Ordinal);

        // The record itself is unchanged, and its author still reads it as written.
        var own = await WithAsync<DisputeQueries, IReadOnlyList<ConflictForum.Features.Timeline.TimelineEntry>>(q =>
            q.TimelineAsync(opened.DisputeId, viewer: tenant));
        Assert.Contains(own, e => e.Summary == $"Tenant Tom opened the dispute against {typed}.");
        Assert.True((await WithAsync<RecordVerifier, ConflictForum.Features.Timeline.ChainVerdict>(q =>
            q.VerifyRecordAsync(opened.DisputeId))).Intact);
    }

    [Fact]
    public async Task A_reader_s_dispute_page_is_static_with_live_regions_and_no_circuit()
    {
        var tenant = await MemberAsync("Tenant Tom");
        var opened = await OpenAsync(tenant);

        var html = await GetAsync($"/disputes/{opened.DisputeId}");

        Assert.DoesNotContain("Blazor:", html, StringComparison.Ordinal); // no interactive component, so nothing for a circuit to start
        Assert.Contains($"data-live-src=\"disputes/{opened.DisputeId}/live?v=", html, StringComparison.Ordinal);
        foreach (var region in ConflictForum.Features.Live.LiveRegions.All)
            Assert.Contains($"data-live-region=\"{region}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_dispute_answers_404_with_the_not_found_page_to_a_signed_in_member_too()
    {
        var site = new SiteClient(App);
        await site.RegisterAndSignInAsync("Curious Member", "curious@example.test", "correct horse battery");
        using var response = await site.Http.GetAsync(new Uri("/disputes/4242", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We can't find that page", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_verifies_the_record_and_reads_more_comments_through_links_without_a_circuit()
    {
        var tenant = await MemberAsync("Tenant Tom");
        var landlord = await MemberAsync("Landlord Lee");
        var opened = await Given.DisputeBetweenAsync(tenant, landlord, Deposit);
        var per = ConflictForum.Features.Deliberation.DeliberationQueries.ThreadsPerPage;
        for (var i = 1; i <= per + 1; i++)
        {
            var n = i;
            Assert.True((await WithAsync<ConflictForum.Features.Deliberation.DeliberationService, Outcome<int>>(s =>
                s.PostCommentAsync(tenant, opened.DisputeId, $"Comment number {n}."))).Succeeded);
        }

        var first = await GetAsync($"/disputes/{opened.DisputeId}");
        Assert.Contains($"href=\"disputes/{opened.DisputeId}?verify=1#record\"", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"disputes/{opened.DisputeId}?comments=2#comments\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain($"Comment number {per + 1}.", first, StringComparison.Ordinal);

        var verified = await GetAsync($"/disputes/{opened.DisputeId}?verify=1");
        Assert.Contains("The record is intact", verified, StringComparison.Ordinal);

        var more = await GetAsync($"/disputes/{opened.DisputeId}?comments=2");
        Assert.Contains($"Comment number {per + 1}.", more, StringComparison.Ordinal);
        Assert.Contains("Comment number 1.", more, StringComparison.Ordinal);
        Assert.DoesNotContain("data-live-region=\"comments\"", more, StringComparison.Ordinal); // the reader's place is not swapped away
        Assert.Contains("data-live-region=\"timeline\"", more, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_invitation_link_gets_a_clear_message()
    {
        var html = await GetAsync("/invitations/not-a-real-token");

        Assert.Contains("This link does not work", html, StringComparison.Ordinal);
        Assert.Contains("This invitation link is not valid.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitor_with_an_invitation_is_sent_to_register_and_back()
    {
        var tenant = await MemberAsync("Tenant Tom");
        var opened = await OpenAsync(tenant);

        var html = await GetAsync($"/invitations/{opened.InvitationToken}");

        Assert.Contains("You are invited to answer a dispute", html, StringComparison.Ordinal);
        Assert.Contains($"Account/Register?ReturnUrl=%2Finvitations%2F{opened.InvitationToken}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_page_lists_the_disputes_they_are_a_party_to()
    {
        var tenant = await MemberAsync("Tenant Tom");
        await OpenAsync(tenant);

        var html = await GetAsync($"/members/{tenant.UserId}");

        Assert.Contains("Tenant Tom", html, StringComparison.Ordinal);
        Assert.Contains("Deposit kept for cleaning", html, StringComparison.Ordinal);
        Assert.Contains("Claimant", html, StringComparison.Ordinal);
    }
}
