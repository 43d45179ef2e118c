using System.Text;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static ConflictForum.Features.Disputes.DisputeRefusals;

namespace ConflictForum.Tests.Features.Moderation;

/// <summary>
/// The role × action matrix for an organisation's owner and agent on a dispute against their organisation, before anyone
/// joined for it and after the agent did, with an outsider beside them. All three are moderators and mediators, so each
/// refusal below is the organisation's rule, not a missing role. Each cell is the service's answer: yes, or its refusal.
/// </summary>
public sealed class OrganisationRoleMatrixTests(ITestOutputHelper output) : ClockedForumAppTest
{
    private static readonly string[] Columns = ["owner, before", "agent, before", "owner, after", "agent, after", "outsider"];

    private const string Yes = "yes";

    /// <summary>No mediation exists before the organisation answers: a mediator is asked for once both parties are in.</summary>
    private const string NotApplicable = "n/a";

    private const string NoLongerWaiting = "This dispute is no longer waiting for the other party.";

    private const string OnlyPartiesReply = "Only the two parties post on the timeline; readers will be able to comment.";

    /// <summary>The intended rules, in the order of <see cref="Columns"/>.</summary>
    private static readonly (string Action, string[] Cells)[] Expected =
    [
        ("open a dispute against it",
            [ClaimantActsForOrganisation, ClaimantActsForOrganisation, ClaimantActsForOrganisation, ClaimantActsForOrganisation, Yes]),
        ("join for it", [Yes, Yes, NoLongerWaiting, NoLongerWaiting, OnlyOrganisationMembersAnswer]),
        ("write the respondent's statement",
            [OnlyPartiesWriteStatements, OnlyPartiesWriteStatements, Yes, Yes, OnlyPartiesWriteStatements]),
        ("reply on the timeline", [OnlyPartiesReply, OnlyPartiesReply, Yes, Yes, OnlyPartiesReply]),
        ("make a settlement offer",
            [SettlementRefusals.OnlyParties, SettlementRefusals.OnlyParties, Yes, Yes, SettlementRefusals.OnlyParties]),
        ("cast a fault vote",
            [ActsForRespondent, ActsForRespondent, DeliberationRefusals.PartiesDoNotVote, DeliberationRefusals.PartiesDoNotVote, Yes]),
        ("comment", [ActsForRespondent, ActsForRespondent, Yes, Yes, Yes]), // after joining, as the party: never as a reader
        ("flag a comment", [ActsForRespondent, ActsForRespondent, ActsForRespondent, ActsForRespondent, Yes]),
        ("hide a comment",
            [ActsForRespondent, ActsForRespondent, ModerationRefusals.PartyToDispute, ModerationRefusals.PartyToDispute, Yes]),
        ("take a mediation",
            [NotApplicable, NotApplicable, MediationRefusals.PartiesDoNotMediate, MediationRefusals.PartiesDoNotMediate, Yes]),
    ];

    private sealed record Cast(ForumActor Customer, ForumActor Writer, ForumActor Owner, ForumActor Agent, ForumActor Outsider,
        int Unanswered, int Answered);

    [Fact]
    public async Task An_organisations_owner_and_agent_are_allowed_or_refused_every_write_on_its_disputes_exactly_as_intended()
    {
        var (owner, agent) = await BoltAsync();
        var outsider = await MemberAsync("Otto Outsider");
        (owner, agent, outsider) = (await RolesAsync(owner), await RolesAsync(agent), await RolesAsync(outsider));
        var customer = await MemberAsync("Cara Customer");
        var writer = await MemberAsync("Wes Writer");
        var unanswered = (await Given.OpenAsync(customer, Bolt())).DisputeId;
        Clock.Advance(TimeSpan.FromDays(8)); // its response window passed: open for votes with nobody answering for it
        var cast = new Cast(customer, writer, owner, agent, outsider, unanswered, await AnsweredAsync(customer, agent));

        var actual = new List<(string Action, string[] Cells)>();
        foreach (var (action, _) in Expected)
        {
            var cells = new List<string>();
            foreach (var (actor, after) in new[] { (owner, false), (agent, false), (owner, true), (agent, true), (outsider, true) })
            {
                var outcome = await TryAsync(action, actor, after, cast);
                cells.Add(outcome is null ? NotApplicable : outcome.Succeeded ? Yes : outcome.Message ?? "refused, saying nothing");
            }
            actual.Add((action, [.. cells]));
        }

        output.WriteLine(Table(actual));
        Assert.Equal(Table(Expected), Table(actual));
    }

    /// <summary>What the service answers; null where the action has nothing to act on in that state.</summary>
    private async Task<Outcome?> TryAsync(string action, ForumActor actor, bool after, Cast c) => action switch
    {
        "open a dispute against it" => await Run<DisputeService, Outcome<OpenedDispute>>(s => s.OpenDisputeAsync(actor, Bolt())),
        "join for it" => await Run<DisputeService, Outcome>(async s =>
            await s.JoinForOrganisationAsync(actor, after ? await JoinedAsync(c.Customer, c.Agent) : await AwaitingAsync(c.Customer))),
        "write the respondent's statement" => await Run<DisputeService, Outcome>(async s => await s.SaveStatementAsync(actor,
            after ? await JoinedAsync(c.Customer, c.Agent) : await AwaitingAsync(c.Customer), $"Our side, as {actor.DisplayName}.")),
        "reply on the timeline" => await Run<DisputeService, Outcome>(s => s.PostReplyAsync(actor, Dispute(after, c), "A reply.")),
        "make a settlement offer" => await Run<OfferService, Outcome<int>>(async s => await s.MakeOfferAsync(actor,
            after ? await AnsweredAsync(c.Customer, c.Agent) : c.Unanswered,
            new OfferInput { Terms = "A refund of the delivery fee.", ExpiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(1) })),
        "cast a fault vote" =>
            await Run<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(actor, Dispute(after, c), FaultOption.Both)),
        "comment" => await Run<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(actor, Dispute(after, c), "A comment.")),
        "flag a comment" => await Run<ModerationService, Outcome>(async s =>
            await s.FlagAsync(actor, ContentKind.Comment, await CommentAsync(Dispute(after, c), c), FlagReason.Spam, null)),
        "hide a comment" => await Run<ModerationService, Outcome>(async s =>
            await s.HideAsync(actor, ContentKind.Comment, await CommentAsync(Dispute(after, c), c), "Matrix")),
        "take a mediation" => after
            ? await Run<MediationService, Outcome>(async s => await s.TakeAsync(actor, await MediationAsync(c)))
            : null,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static int Dispute(bool after, Cast c) => after ? c.Answered : c.Unanswered;

    private static OpenDisputeInput Bolt() => Scenario.Dispute("Parcel left in the rain", respondentName: "Bolt Couriers Ltd");

    private async Task<int> AwaitingAsync(ForumActor customer) => (await Given.OpenAsync(customer, Bolt())).DisputeId;

    /// <summary>A fresh dispute against Bolt the agent joined for it, without its statement yet.</summary>
    private async Task<int> JoinedAsync(ForumActor customer, ForumActor agent)
    {
        var dispute = await AwaitingAsync(customer);
        Assert.True((await Run<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(agent, dispute))).Succeeded);
        return dispute;
    }

    /// <summary>A fresh dispute against Bolt its agent joined and answered: open for comments and votes.</summary>
    private async Task<int> AnsweredAsync(ForumActor customer, ForumActor agent)
    {
        var dispute = await JoinedAsync(customer, agent);
        await Given.EditStatementAsync(agent, dispute, "We delivered it to the safe place on the account.");
        return dispute;
    }

    private Task<int> CommentAsync(int dispute, Cast c) => Given.CommentAsync(c.Writer, dispute, "Bolt is always late.");

    /// <summary>A fresh answered dispute's mediation, asked for by the customer and agreed to by the agent.</summary>
    private async Task<int> MediationAsync(Cast c)
    {
        var dispute = await AnsweredAsync(c.Customer, c.Agent);
        var mediation = (await Run<MediationService, Outcome<int>>(s => s.RequestAsync(c.Customer, dispute))).Value;
        Assert.True((await Run<MediationService, Outcome>(s => s.AnswerRequestAsync(c.Agent, mediation, agree: true))).Succeeded);
        return mediation;
    }

    private async Task<ForumActor> RolesAsync(ForumActor member) =>
        await WithRoleAsync(await WithRoleAsync(member, ForumRoles.Moderator), ForumRoles.Mediator);

    /// <summary>Bolt Couriers Ltd, verified by an admin, with Olga as its owner and Alex as its agent.</summary>
    private async Task<(ForumActor Owner, ForumActor Agent)> BoltAsync()
    {
        var owner = await MemberAsync("Olga Owner");
        var agent = await MemberAsync("Alex Agent");
        await Given.BoltAsync(owner, agent);
        return (owner, agent);
    }

    private static string Table(IEnumerable<(string Action, string[] Cells)> rows)
    {
        var table = new StringBuilder($"| action | {string.Join(" | ", Columns)} |\n|---|{string.Concat(Columns.Select(_ => "---|"))}\n");
        foreach (var (action, cells) in rows)
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {action} | {string.Join(" | ", cells)} |\n");
        return table.ToString();
    }
}
