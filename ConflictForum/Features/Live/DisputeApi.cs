using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;

namespace ConflictForum.Features.Live;

/// <summary>
/// <c>GET /api/disputes/{id}</c>: read-only, for embeds and for checking the counts from outside. Answers as for an
/// anonymous reader, so fault tallies appear only once voting closed (or with <c>Voting:TalliesVisible=Always</c>).
/// </summary>
public static class DisputeApi
{
    public sealed record FaultTallyJson(int ClaimantAtFault, int RespondentAtFault, int Both, int Neither);

    public sealed record ResolutionJson(string Title, int Support, int Oppose, string ClaimantAnswer, string RespondentAnswer);

    /// <summary>An offer still open: who made it (claimant or respondent), its terms (Markdown) and when it expires.</summary>
    public sealed record OfferJson(int Id, string From, string Terms, decimal? Amount, string? Currency, DateTime? CarryOutBy,
        DateTime ExpiresAt);

    /// <param name="ReportsFrom">The due date: when the parties can report whether it was honoured.</param>
    /// <param name="NoReportFrom">The parties who said nothing within the report window ("Claimant", "Respondent").</param>
    /// <param name="FollowUp">
    /// Whether it was honoured, as the reports say so far (<see cref="SettlementHonour"/>): NotDue, AwaitingReports,
    /// AwaitingOneReport, Honoured, PartlyHonoured, HonouredByOne, NoReport, NotHonoured.
    /// </param>
    public sealed record SettlementJson(string Terms, decimal? Amount, string? Currency, DateTime? CarryOutBy,
        DateTime ClaimantAcceptedAt, DateTime RespondentAcceptedAt, DateTime SettledAt, DateTime ReportsFrom,
        IReadOnlyList<ReportJson> Reports, IReadOnlyList<string> NoReportFrom, string FollowUp);

    /// <summary>A party's report on the settlement (Honoured, PartlyHonoured, NotHonoured; note in Markdown) and the answer.</summary>
    public sealed record ReportJson(string From, string Verdict, string Note, DateTime ReportedAt, string? Answer, DateTime? AnsweredAt);

    /// <summary>
    /// The dispute's latest mediation: its status (Requested, Declined, Queued, Active, Closed, Ended, Lapsed), who asked, the
    /// mediator, how many notes they wrote, and their proposals, newest first.
    /// </summary>
    public sealed record MediationJson(string Status, string RequestedBy, string? Mediator, int Notes,
        IReadOnlyList<ProposalJson> Proposals);

    /// <summary>A mediator's proposal: its terms (Markdown), its status and each party's acceptance.</summary>
    public sealed record ProposalJson(string Terms, decimal? Amount, string? Currency, DateTime? CarryOutBy, string Status,
        DateTime? ClaimantAcceptedAt, DateTime? RespondentAcceptedAt);

    /// <param name="Outcome">How it ended (<see cref="DisputeOutcome"/>): Running while it runs, Settled, a verdict, ...</param>
    public sealed record DisputeJson(int Id, string Title, string Status, string Outcome, string Claimant, string Respondent,
        bool RespondentJoined,
        int VoteCount, FaultTallyJson? Tallies, string? Verdict, IReadOnlyList<ResolutionJson> Resolutions,
        IReadOnlyList<OfferJson> LiveOffers, SettlementJson? Settlement, MediationJson? Mediation);

    /// <summary>A dispute's counts as JSON, from the site's root.</summary>
    public static string Url(int id) => $"/api/disputes/{id}";

    public static IEndpointConventionBuilder MapDisputeApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/disputes/{id:int}", async (int id, DisputeQueries disputes, DeliberationQueries deliberation,
            DeliberationService votes, SettlementQueries settling, Mediations.MediationQueries mediating, CancellationToken ct) =>
        {
            var view = await disputes.GetAsync(id, ForumActor.Anonymous, ct);
            if (view is null) return Results.NotFound(new { error = "This dispute does not exist." });
            var tally = (await votes.TallyAsync(id, ForumActor.Anonymous, ct: ct))!;
            var resolutions = await deliberation.ResolutionsAsync(id, ForumActor.Anonymous, ct);
            var d = view.Dispute;
            var offers = (await settling.GetAsync(id, ForumActor.Anonymous, ct))!;
            var mediation = (await mediating.GetAsync(id, ForumActor.Anonymous, ct))!.Current;
            return Results.Ok(new DisputeJson(d.Id, d.Title, d.Status.ToString(), view.Row.Outcome.ToString(), view.Row.ClaimantName,
                view.Row.RespondentName,
                d.RespondentId is not null, tally.Total,
                tally.Tally is { } t ? new FaultTallyJson(t.ClaimantAtFault, t.RespondentAtFault, t.Both, t.Neither) : null,
                tally.FinalVerdict ?? tally.Verdict?.Text,
                resolutions.Select(r => new ResolutionJson(r.Title, r.Support, r.Oppose, r.ClaimantAnswer.ToString(),
                    r.RespondentAnswer.ToString())).ToList(),
                offers.Live.Select(o => new OfferJson(o.Id, o.Role.ToString(), o.Terms.Source, o.Terms.Amount, o.Terms.Currency,
                    o.Terms.CarryOutBy, o.ExpiresAt)).ToList(),
                offers.Settlement is { } s && offers.FollowUp is { } f ? Settlement(s, f) : null,
                mediation is null ? null : Mediation(mediation)));
        }).RequireRateLimiting(Accounts.AccountRateLimits.ApiPolicy);

    private static MediationJson Mediation(Mediations.MediationView m) =>
        new(m.Status.ToString(), m.RequestedBy.ToString(), m.MediatorName, m.Notes.Count,
            [.. m.Proposals.Select(p => new ProposalJson(p.Terms.Source, p.Terms.Amount, p.Terms.Currency, p.Terms.CarryOutBy,
                p.Status.ToString(), p.ClaimantAcceptedAt, p.RespondentAcceptedAt))]);

    private static SettlementJson Settlement(Settlement s, SettlementFollowUp followUp) =>
        new(s.Source, s.Amount, s.Currency, s.CarryOutBy, s.ClaimantAcceptedAt, s.RespondentAcceptedAt, s.SettledAt, followUp.DueAt,
            [.. followUp.Reports.Select(r => new ReportJson(r.Role.ToString(), r.Verdict.ToString(), r.Source, r.CreatedAt, r.AnswerSource,
                r.AnsweredAt))],
            [.. new[] { PartyRole.Claimant, PartyRole.Respondent }.Where(followUp.NoReport).Select(r => r.ToString())],
            followUp.State.ToString());
}
