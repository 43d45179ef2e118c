using System.Text;
using ConflictForum.Features;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Xunit.Abstractions;

namespace ConflictForum.Tests.Features.Moderation;

/// <summary>
/// Every write the services offer, tried by every kind of actor against the real services and database, whatever a page
/// would show. Each cell runs on fresh items where the action changes state, so no cell depends on another.
/// </summary>
public sealed class RoleActionMatrixTests(ITestOutputHelper output)
    : ClockedForumAppTest(new Dictionary<string, string?> { ["Voting:MinimumAccountAge"] = "1.00:00:00" })
{
    private static readonly string[] Roles = ["anonymous", "member", "new account", "claimant", "respondent", "suspended", "moderator",
        "admin", "mediator"];

    /// <summary>The intended rules: Y allowed, - refused, in the order of <see cref="Roles"/>.</summary>
    private static readonly (string Action, string Allowed)[] Expected =
    [
        ("open a dispute", "-YYYY-YYY"),
        ("write own statement", "---YY----"),
        ("reply on the timeline", "---YY----"),
        ("withdraw the dispute", "---Y-----"),
        ("comment", "-YYYY-YYY"),
        ("cast a fault vote", "-Y----YYY"),
        ("support a resolution", "-Y----YYY"),
        ("propose a resolution", "-YYYY-YYY"),
        ("accept a resolution (party)", "---YY----"),
        ("make a settlement offer", "---YY----"),
        ("accept the other party's offer", "---YY----"),
        ("decline the other party's offer", "---YY----"),
        ("report on the settlement", "---YY----"),
        ("answer the other party's report", "---YY----"),
        ("ask for a mediator", "---YY----"),
        ("agree to mediation", "---YY----"),
        ("take a mediation", "--------Y"), // a neutral mediator only: never a party, never a moderator as such
        ("write a mediator's note", "--------Y"),
        ("propose terms as the mediator", "--------Y"),
        ("accept the mediator's proposal", "---YY----"),
        ("end a mediation", "---YY----"),
        ("flag a comment", "-Y-YY-YYY"), // a flag needs the voting age: new accounts cannot hide words (issue 15)
        ("hide a comment", "------Y--"),
        ("restore a hidden comment", "------Y--"),
        ("dismiss flags", "------Y--"),
        ("lock comments", "------Y--"),
        ("decide an appeal", "------Y--"),
        ("suspend a member", "------Y--"),
        ("remove a member's votes", "------Y--"),
        ("grant a role", "-------Y-"),
        ("recount votes", "-------Y-"),
    ];

    private sealed record Cast(ForumActor Claimant, ForumActor Respondent, ForumActor Writer, ForumActor Helper, ForumActor Flagger,
        int Dispute, int Resolution, Queue<ForumActor> Voters, ForumActor Mediator);

    [Fact]
    public async Task Every_role_is_allowed_or_refused_every_write_exactly_as_intended()
    {
        var claimant = await MemberAsync("Claimant");
        var respondent = await MemberAsync("Respondent");
        var member = await MemberAsync("Member");
        var writer = await MemberAsync("Writer");
        var flagger = await MemberAsync("Flagger");
        var helper = await WithRoleAsync(await MemberAsync("Helper Moderator"), ForumRoles.Moderator);
        var moderator = await WithRoleAsync(await MemberAsync("Moderator"), ForumRoles.Moderator);
        var admin = await WithRoleAsync(await MemberAsync("Admin"), ForumRoles.Admin);
        var suspended = await MemberAsync("Suspended");
        var mediator = await WithRoleAsync(await MemberAsync("Mediator"), ForumRoles.Mediator);
        var voters = new Queue<ForumActor>();
        foreach (var i in Enumerable.Range(1, Roles.Length)) voters.Enqueue(await MemberAsync($"Voter {i}"));
        Clock.Advance(TimeSpan.FromDays(2)); // everyone above is old enough to vote
        var newcomer = await MemberAsync("Newcomer");
        Assert.True((await Run<ModerationService, Outcome>(s =>
            s.SuspendAsync(helper, suspended.UserId!, ForumGuardian.Permanently, "Matrix test"))).Succeeded);

        var dispute = await FreshDisputeAsync(claimant, respondent);
        var resolution = (await Run<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(claimant, dispute, "Move the fence back", "By March."))).Value;
        var cast = new Cast(claimant, respondent, writer, helper, flagger, dispute, resolution, voters, mediator);
        ForumActor[] actors = [ForumActor.Anonymous, member, newcomer, claimant, respondent, suspended, moderator, admin, mediator];

        var actual = new List<(string Action, string Allowed)>();
        foreach (var (action, _) in Expected)
        {
            var row = new StringBuilder();
            foreach (var actor in actors) row.Append((await TryAsync(action, actor, cast)).Succeeded ? 'Y' : '-');
            actual.Add((action, row.ToString()));
        }

        output.WriteLine(Table(actual));
        Assert.Equal(Table(Expected), Table(actual));
    }

    private async Task<Outcome> TryAsync(string action, ForumActor actor, Cast c) => action switch
    {
        "open a dispute" => await Run<DisputeService, Outcome<OpenedDispute>>(s => s.OpenDisputeAsync(actor, new OpenDisputeInput
        {
            Title = "A dispute opened for the matrix", Summary = "Matrix.", RespondentName = "Someone", Statement = "Matrix.",
        })),
        "write own statement" =>
            await Run<DisputeService, Outcome>(s => s.SaveStatementAsync(actor, c.Dispute, $"My statement, as {actor.DisplayName}.")),
        "reply on the timeline" => await Run<DisputeService, Outcome>(s => s.PostReplyAsync(actor, c.Dispute, "A reply.")),
        "withdraw the dispute" =>
            await Run<DisputeService, Outcome>(async s => await s.WithdrawAsync(actor, await FreshDisputeAsync(c.Claimant, c.Respondent))),
        "comment" => await Run<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(actor, c.Dispute, "A comment.")),
        "cast a fault vote" => await Run<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(actor, c.Dispute, FaultOption.Both)),
        "support a resolution" => await Run<DeliberationService, Outcome>(s => s.SetStanceAsync(actor, c.Resolution, true)),
        "propose a resolution" =>
            await Run<DeliberationService, Outcome<int>>(s => s.ProposeResolutionAsync(actor, c.Dispute, "Share the cost", "Half each.")),
        "accept a resolution (party)" => await Run<DeliberationService, Outcome>(async s => // fresh: one acceptance, no settlement
            await s.AnswerResolutionAsync(actor, await FreshResolutionAsync(c), PartyAnswer.Accepts)),
        "make a settlement offer" => await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(actor, c.Dispute, Offer())),
        "accept the other party's offer" =>
            await Run<OfferService, Outcome>(async s => await s.AcceptOfferAsync(actor, await OfferToAsync(actor, c))),
        "decline the other party's offer" =>
            await Run<OfferService, Outcome>(async s => await s.DeclineOfferAsync(actor, await OfferToAsync(actor, c), new())),
        "report on the settlement" => await Run<SettlementReportService, Outcome<int>>(async s =>
            await s.ReportAsync(actor, await SettledDisputeAsync(c), new ReportInput { Verdict = ReportVerdict.Honoured, Note = "Done." })),
        "answer the other party's report" => await Run<SettlementReportService, Outcome>(async s =>
            await s.AnswerReportAsync(actor, await ReportToAsync(actor, c), new ReportAnswerInput { Answer = "Agreed." })),
        "ask for a mediator" => await Run<MediationService, Outcome<int>>(async s =>
            await s.RequestAsync(actor, await FreshDisputeAsync(c.Claimant, c.Respondent))),
        "agree to mediation" => await Run<MediationService, Outcome>(async s =>
            await s.AnswerRequestAsync(actor, await MediationAsync(c, asker: Other(actor, c)), agree: true)),
        "take a mediation" =>
            await Run<MediationService, Outcome>(async s => await s.TakeAsync(actor, await MediationAsync(c, agreed: true))),
        "write a mediator's note" => await Run<MediationService, Outcome>(async s =>
            await s.PostNoteAsync(actor, await MediationAsync(c, taken: true), new MediatorTextInput { Text = "Let us talk." })),
        "propose terms as the mediator" => await Run<MediationService, Outcome<int>>(async s =>
            await s.ProposeAsync(actor, await MediationAsync(c, taken: true), Offer())),
        "accept the mediator's proposal" => await Run<MediationService, Outcome>(async s =>
        {
            var mediation = await MediationAsync(c, taken: true);
            var proposal = (await s.ProposeAsync(c.Mediator, mediation, Offer())).Value;
            return await s.AcceptProposalAsync(actor, proposal);
        }),
        "end a mediation" => await Run<MediationService, Outcome>(async s => await s.EndAsync(actor, await MediationAsync(c, taken: true))),
        "flag a comment" =>
            await Moderate(async s => await s.FlagAsync(actor, ContentKind.Comment, await CommentAsync(c), FlagReason.Spam, null)),
        "hide a comment" => await Moderate(async s => await s.HideAsync(actor, ContentKind.Comment, await CommentAsync(c), "Matrix")),
        "restore a hidden comment" =>
            await Moderate(async s => await s.UnhideAsync(actor, ContentKind.Comment, await HiddenCommentAsync(c), "Matrix")),
        "dismiss flags" => await Moderate(async s =>
        {
            var comment = await CommentAsync(c);
            Assert.True((await s.FlagAsync(c.Flagger, ContentKind.Comment, comment, FlagReason.Spam, null)).Succeeded);
            return await s.DismissFlagsAsync(actor, ContentKind.Comment, comment, "Matrix");
        }),
        "lock comments" => await Moderate(async s =>
            await s.SetCommentsLockedAsync(actor, await FreshDisputeAsync(c.Claimant, c.Respondent), true, "Matrix")),
        "decide an appeal" => await Moderate(async s =>
        {
            var comment = await HiddenCommentAsync(c);
            Assert.True((await s.AppealAsync(c.Writer, ContentKind.Comment, comment, "Please look again")).Succeeded);
            return await s.DecideAppealAsync(actor, ContentKind.Comment, comment, restore: true, "Matrix");
        }),
        "suspend a member" =>
            await Moderate(async s => await s.SuspendAsync(actor, (await MemberAsync($"Target {Guid.NewGuid():N}"[..20])).UserId!,
                Clock.GetUtcNow().UtcDateTime.AddDays(1), "Matrix")),
        "remove a member's votes" => await Moderate(async s =>
        {
            var voter = c.Voters.Dequeue();
            Assert.True((await Run<DeliberationService, Outcome>(d =>
                d.CastFaultVoteAsync(voter, c.Dispute, FaultOption.Neither))).Succeeded);
            return await s.RemoveVotesAsync(actor, voter.UserId!, "Matrix");
        }),
        "grant a role" => await Moderate(async s => await s.SetRoleAsync(actor,
            (await MemberAsync($"Promoted {Guid.NewGuid():N}"[..20])).UserId!, ForumRoles.Moderator, grant: true)),
        "recount votes" => await Run<DeliberationService, Outcome<RecountReport>>(s => s.RecountAsync(actor, c.Dispute, repair: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private OfferInput Offer() => new() { Terms = "Half each.", ExpiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(1) };

    /// <summary>A fresh dispute with a live offer from the party <paramref name="actor"/> is not (the claimant's, for others).</summary>
    private async Task<int> OfferToAsync(ForumActor actor, Cast c)
    {
        var dispute = await FreshDisputeAsync(c.Claimant, c.Respondent);
        var maker = actor.UserId == c.Claimant.UserId ? c.Respondent : c.Claimant;
        return (await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(maker, dispute, Offer()))).Value;
    }

    /// <summary>A fresh dispute the parties settled on terms due today, so reports on it are open.</summary>
    private async Task<int> SettledDisputeAsync(Cast c)
    {
        var dispute = await FreshDisputeAsync(c.Claimant, c.Respondent);
        var terms = Offer();
        terms.CarryOutBy = Clock.GetUtcNow().UtcDateTime.Date;
        var offer = (await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(c.Claimant, dispute, terms))).Value;
        Assert.True((await Run<OfferService, Outcome>(s => s.AcceptOfferAsync(c.Respondent, offer))).Succeeded);
        return dispute;
    }

    /// <summary>A fresh settled dispute with a report from the party <paramref name="actor"/> is not (else the claimant's).</summary>
    private async Task<int> ReportToAsync(ForumActor actor, Cast c)
    {
        var dispute = await SettledDisputeAsync(c);
        var reporter = actor.UserId == c.Claimant.UserId ? c.Respondent : c.Claimant;
        return (await Run<SettlementReportService, Outcome<int>>(s =>
            s.ReportAsync(reporter, dispute, new ReportInput { Verdict = ReportVerdict.PartlyHonoured, Note = "Half done." }))).Value;
    }

    /// <summary>
    /// A fresh dispute's mediation, asked for by <paramref name="asker"/> (the claimant by default), then taken as far as asked.
    /// </summary>
    private async Task<int> MediationAsync(Cast c, ForumActor? asker = null, bool agreed = false, bool taken = false)
    {
        asker ??= c.Claimant;
        var mediation = (await Run<MediationService, Outcome<int>>(async s =>
            await s.RequestAsync(asker, await FreshDisputeAsync(c.Claimant, c.Respondent)))).Value;
        if (agreed || taken)
            Assert.True((await Run<MediationService, Outcome>(s => s.AnswerRequestAsync(Other(asker, c), mediation, true))).Succeeded);
        if (taken) Assert.True((await Run<MediationService, Outcome>(s => s.TakeAsync(c.Mediator, mediation))).Succeeded);
        return mediation;
    }

    /// <summary>The other party of <paramref name="actor"/>; the respondent for anyone who is not a party.</summary>
    private static ForumActor Other(ForumActor actor, Cast c) => actor.UserId == c.Respondent.UserId ? c.Claimant : c.Respondent;

    private async Task<int> FreshResolutionAsync(Cast c) => (await Run<DeliberationService, Outcome<int>>(async s =>
        await s.ProposeResolutionAsync(c.Claimant, await FreshDisputeAsync(c.Claimant, c.Respondent), "Move it back", "By March."))).Value;

    private Task<Outcome> Moderate(Func<ModerationService, Task<Outcome>> act) => Run(act);

    private async Task<int> CommentAsync(Cast c) =>
        (await Run<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(c.Writer, c.Dispute, "Target comment."))).Value;

    private async Task<int> HiddenCommentAsync(Cast c)
    {
        var comment = await CommentAsync(c);
        Assert.True((await Run<ModerationService, Outcome>(s =>
            s.HideAsync(c.Helper, ContentKind.Comment, comment, "Hidden by the helper"))).Succeeded);
        return comment;
    }

    private async Task<int> FreshDisputeAsync(ForumActor claimant, ForumActor respondent) =>
        (await Given.DisputeBetweenAsync(claimant, respondent,
            Scenario.Dispute("Fence a metre over the line", "The fence is on my side.", "Neighbour", "It is on my land."))).DisputeId;

    private static string Table(IEnumerable<(string Action, string Allowed)> rows)
    {
        var table = new StringBuilder($"| action | {string.Join(" | ", Roles)} |\n|---|{string.Concat(Roles.Select(_ => "---|"))}\n");
        foreach (var (action, allowed) in rows)
            table.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"| {action} | {string.Join(" | ", allowed.Select(a => a == 'Y' ? "yes" : "no"))} |\n");
        return table.ToString();
    }
}
