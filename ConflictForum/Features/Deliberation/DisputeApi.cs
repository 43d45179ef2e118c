using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// <c>GET /api/disputes/{id}</c>: read-only, for embeds and for checking the counts from outside. Answers as for an
/// anonymous reader, so fault tallies appear only once voting closed (or with <c>Voting:TalliesVisible=Always</c>).
/// </summary>
public static class DisputeApi
{
    public sealed record FaultTallyJson(int ClaimantAtFault, int RespondentAtFault, int Both, int Neither);

    public sealed record ResolutionJson(string Title, int Support, int Oppose, string ClaimantAnswer, string RespondentAnswer);

    public sealed record DisputeJson(int Id, string Title, string Status, string Claimant, string Respondent, bool RespondentJoined,
        int VoteCount, FaultTallyJson? Tallies, string? Verdict, IReadOnlyList<ResolutionJson> Resolutions);

    /// <summary>A dispute's counts as JSON, from the site's root.</summary>
    public static string Url(int id) => $"/api/disputes/{id}";

    public static IEndpointConventionBuilder MapDisputeApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/disputes/{id:int}", async (int id, DisputeQueries disputes, DeliberationQueries deliberation,
            CancellationToken ct) =>
        {
            var view = await disputes.GetAsync(id, ForumActor.Anonymous, ct);
            if (view is null) return Results.NotFound(new { error = "This dispute does not exist." });
            var tally = (await deliberation.TallyAsync(id, ForumActor.Anonymous, ct: ct))!;
            var resolutions = await deliberation.ResolutionsAsync(id, ForumActor.Anonymous, ct);
            var d = view.Dispute;
            return Results.Ok(new DisputeJson(d.Id, d.Title, d.Status.ToString(), view.Row.ClaimantName, view.Row.RespondentName,
                d.RespondentId is not null, tally.Total,
                tally.Tally is { } t ? new FaultTallyJson(t.ClaimantAtFault, t.RespondentAtFault, t.Both, t.Neither) : null,
                tally.FinalVerdict ?? tally.Verdict?.Text,
                resolutions.Select(r => new ResolutionJson(r.Title, r.Support, r.Oppose, r.ClaimantAnswer.ToString(),
                    r.RespondentAnswer.ToString())).ToList()));
        }).RequireRateLimiting(Accounts.AccountRateLimits.ApiPolicy);
}
