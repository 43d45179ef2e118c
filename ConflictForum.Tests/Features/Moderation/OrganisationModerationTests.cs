using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Moderation;

/// <summary>
/// An organisation's page and name are flagged and hidden like any other content: by members' flags until a moderator
/// reviews them, or by a moderator; then its name is gone from its page, the list, the search and every dispute against
/// it, its owner may appeal once, and each step is on the public log.
/// </summary>
public sealed class OrganisationModerationTests : ClockedForumAppTest
{
    private const string Kind = nameof(ContentKind.Organisation);

    private Task<Outcome> FlagAsync(ForumActor member, int organisationId, FlagReason reason = FlagReason.Abuse) =>
        WithAsync<ModerationService, Outcome>(s => s.FlagAsync(member, ContentKind.Organisation, organisationId, reason, null));

    private Task<OrganisationView?> PageAsync(ForumActor viewer) =>
        WithAsync<OrganisationQueries, OrganisationView?>(q => q.GetAsync(Scenario.BoltSlug, viewer));

    private async Task<ForumActor> ModeratorAsync(string name) => await WithRoleAsync(await MemberAsync(name), ForumRoles.Moderator);

    [Fact]
    public async Task Three_members_flags_hide_an_organisations_name_everywhere_a_reader_sees_it_and_a_moderator_restores_it()
    {
        var owner = await MemberAsync("Olga Owner");
        var id = await Given.BoltAsync(owner);
        var customer = await MemberAsync("Cara Customer");
        var disputeId = (await Given.OpenAsync(customer, Scenario.Dispute("Parcel left in the rain",
            respondentName: "Bolt Couriers Ltd"))).DisputeId;
        foreach (var name in new[] { "Flagger One", "Flagger Two" })
            Assert.True((await FlagAsync(await MemberAsync(name), id)).Succeeded);
        Assert.Null((await PageAsync(ForumActor.Anonymous))!.Hidden); // two flags: still shown

        Assert.True((await FlagAsync(await MemberAsync("Flagger Three"), id, FlagReason.Spam)).Succeeded);

        var reader = await MemberAsync("Rita Reader");
        var page = (await PageAsync(reader))!;
        Assert.Equal(OrganisationNames.HiddenName, page.Name);
        Assert.False(page.Hidden!.ShowContent);
        Assert.Contains("flagged", page.Hidden.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await WithAsync<OrganisationQueries, IReadOnlyList<Organisation>>(q => q.ListAsync()),
            o => o.Id == id);
        Assert.Empty(await WithAsync<OrganisationQueries, IReadOnlyList<Organisation>>(q => q.SearchAsync("bolt")));
        var view = (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(disputeId, reader)))!;
        Assert.Equal(OrganisationNames.HiddenName, view.Row.RespondentName);
        Assert.Equal(OrganisationNames.HiddenName, view.Row.Dispute.RespondentName); // what agents' words are signed with
        var row = Assert.Single(await WithAsync<DisputeQueries, IReadOnlyList<DisputeRow>>(q => q.InvolvingAsync(customer)));
        Assert.Equal(OrganisationNames.HiddenName, row.RespondentName);
        var moderator = await ModeratorAsync("Mona Moderator");
        Assert.True((await PageAsync(moderator))!.Hidden!.ShowContent); // to review it
        Assert.True((await PageAsync(owner))!.Hidden!.CanAppeal);

        var queued = Assert.Single(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(moderator)));
        Assert.Equal((ContentKind.Organisation, (long)id, 3, "Bolt Couriers Ltd", "Olga Owner"),
            (queued.State.Kind, queued.State.ItemId, queued.Flags.Count, queued.Heading, queued.AuthorName));
        Assert.Equal(OrganisationAddresses.PageUrl(Scenario.BoltSlug), queued.PlaceUrl);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.UnhideAsync(moderator, ContentKind.Organisation, id, "A real courier; the flags were a pile-on."))).Succeeded);

        Assert.Null((await PageAsync(reader))!.Hidden);
        Assert.Equal("Bolt Couriers Ltd",
            (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(disputeId, reader)))!.Row.RespondentName);
        Assert.Empty(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(moderator)));
        var log = (await WithAsync<ModerationQueries, LogPage>(q => q.LogAsync())).Entries;
        Assert.Equal([ModerationAction.Unhidden, ModerationAction.AutoHidden], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal((Kind, (long?)id, (int?)null), (e.Kind.ToString(), e.ItemId, e.DisputeId)));
        Assert.Equal("Mona Moderator (moderator) restored an organisation registered by Olga Owner: A real courier; the flags were a "
            + "pile-on.", ModerationText.Summary(log[0]));
    }

    [Fact]
    public async Task Its_agents_words_on_its_disputes_are_signed_for_a_hidden_organisation_and_open_pages_move_on_a_version()
    {
        var owner = await MemberAsync("Olga Owner");
        var id = await Given.BoltAsync(owner);
        var customer = await MemberAsync("Cara Customer");
        var disputeId = (await Given.OpenAsync(customer, Scenario.Dispute("Parcel left in the rain",
            respondentName: "Bolt Couriers Ltd"))).DisputeId;
        owner = await Given.ReadAsync(owner);
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(owner, disputeId))).Succeeded);
        await Given.EditStatementAsync(owner, disputeId, "We delivered on the day promised.");
        await Given.CommentAsync(owner, disputeId, "We are looking into it.");
        Assert.True((await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(owner, disputeId,
            new OfferInput { Terms = "A refund.", ExpiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(3) })))
            .Succeeded);
        var before = (await Given.StoredAsync(disputeId)).Version;

        var moderator = await ModeratorAsync("Mona Moderator");
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Organisation, id, "Impersonates a real courier company."))).Succeeded);

        Assert.True((await Given.StoredAsync(disputeId)).Version > before); // open pages and shared drawings read it again
        var hidden = $"Olga Owner for {OrganisationNames.HiddenName}";
        foreach (var reader in new[] { ForumActor.Anonymous, await MemberAsync("Rita Reader") })
        {
            Assert.Equal(hidden, Assert.Single((await CommentsAsync(disputeId, reader)).Threads).Comment.AuthorName);
            Assert.Equal(hidden, Assert.Single((await OffersAsync(disputeId, reader)).Offers).AuthorName);
        }
        // A moderator reviewing it reads the name.
        Assert.Equal("Olga Owner for Bolt Couriers Ltd",
            Assert.Single((await CommentsAsync(disputeId, moderator)).Threads).Comment.AuthorName);
    }

    private Task<CommentPage> CommentsAsync(int disputeId, ForumActor viewer) =>
        WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(disputeId, viewer));

    private async Task<SettlementSlice> OffersAsync(int disputeId, ForumActor viewer) =>
        (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(disputeId, viewer)))!;

    [Fact]
    public async Task Its_owner_appeals_a_moderators_hiding_once_and_another_moderator_decides()
    {
        var owner = await MemberAsync("Olga Owner");
        var id = await Given.BoltAsync(owner);
        var (hider, other) = (await ModeratorAsync("Hal Hider"), await ModeratorAsync("Ida Other"));
        Assert.True((await FlagAsync(await MemberAsync("Flagger One"), id)).Succeeded);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(hider, ContentKind.Organisation, id, "Impersonates a real courier company."))).Succeeded);
        Assert.Equal("Hidden by a moderator: Impersonates a real courier company.", (await PageAsync(ForumActor.Anonymous))!.Hidden!.Text);

        owner = await Given.ReadAsync(owner);
        AssertRefusal.Is(ModerationRefusals.OnlyAuthorAppeals, await WithAsync<ModerationService, Outcome>(s =>
            s.AppealAsync(other, ContentKind.Organisation, id, "We are the real company.")));
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.AppealAsync(owner, ContentKind.Organisation, id, "We are the real company; see our site."))).Succeeded);
        AssertRefusal.Is(ModerationRefusals.AppealedOnce, await WithAsync<ModerationService, Outcome>(s =>
            s.AppealAsync(owner, ContentKind.Organisation, id, "Again, please.")));
        Assert.Equal(HiddenItems.AppealWaiting, (await PageAsync(owner))!.Hidden!.AppealState);
        AssertRefusal.Is(ModerationRefusals.OwnHide, await WithAsync<ModerationService, Outcome>(s =>
            s.DecideAppealAsync(hider, ContentKind.Organisation, id, restore: true, "Changed my mind.")));

        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.DecideAppealAsync(other, ContentKind.Organisation, id, restore: true, "Its domain is verified."))).Succeeded);
        Assert.Null((await PageAsync(ForumActor.Anonymous))!.Hidden);
    }

    [Fact]
    public async Task Its_own_members_never_flag_or_moderate_it_and_a_moderator_in_a_dispute_with_it_leaves_it_to_another()
    {
        var owner = await MemberAsync("Olga Owner");
        var agent = await WithRoleAsync(await MemberAsync("Alex Agent"), ForumRoles.Moderator);
        var id = await Given.BoltAsync(owner, agent);
        (owner, agent) = (await Given.ReadAsync(owner), await Given.ReadAsync(agent));
        var claimant = await ModeratorAsync("Carl Claimant");
        await Given.OpenAsync(claimant, Scenario.Dispute("Parcel left in the rain", respondentName: "Bolt Couriers Ltd"));

        AssertRefusal.Is(ModerationRefusals.OwnOrganisation, await FlagAsync(owner, id));
        AssertRefusal.Is(ModerationRefusals.OwnOrganisation, await FlagAsync(agent, id));
        Assert.True((await FlagAsync(await MemberAsync("Flagger One"), id)).Succeeded);
        AssertRefusal.Is(ModerationRefusals.MemberOfOrganisation, await WithAsync<ModerationService, Outcome>(s =>
            s.DismissFlagsAsync(agent, ContentKind.Organisation, id, "Nothing wrong with us.")));
        Assert.False(Assert.Single(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(claimant)))
            .CanModerate.Allowed);
        Assert.False((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(claimant, ContentKind.Organisation, id, "They lost my parcel."))).Succeeded);
        Assert.Equal("This organisation does not exist.", (await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(claimant, ContentKind.Organisation, id + 1000, FlagReason.Spam, null))).Message);
        Assert.Null((await PageAsync(ForumActor.Anonymous))!.Hidden); // nothing any of them tried changed it
    }
}
