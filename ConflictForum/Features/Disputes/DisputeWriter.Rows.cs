using System.Linq.Expressions;
using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

public sealed partial class DisputeWriter
{
    /// <summary>
    /// <see cref="BeginAsync"/> on the dispute of the one row <paramref name="row"/> selects (an offer, a report, a mediation),
    /// read again under the dispute's lock, so that of two writes racing on it the second finds what the first left; then
    /// <paramref name="rule"/> judges the actor, as re-read, on it. With a refusal, the write (if any) is only to be disposed.
    /// </summary>
    /// <param name="missing">What a row that does not exist comes to.</param>
    internal async Task<(DisputeWrite? Write, T? Row, Outcome? Refused)> BeginOnAsync<T>(ForumActor actor,
        Func<ForumDbContext, IQueryable<T>> row, Expression<Func<T, int>> disputeOf, Outcome missing,
        Func<ForumActor, Dispute, T, Decision> rule, CancellationToken ct) where T : class
    {
        int? disputeId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            disputeId = await row(db).Select(disputeOf).Select(id => (int?)id).SingleOrDefaultAsync(ct);
        if (disputeId is null) return (null, null, missing);
        var write = await BeginAsync(actor, disputeId.Value, ct);
        if (!write.Found) return (write, null, DisputeWrite.NotFound);
        var found = await row(write.Db).SingleAsync(ct);
        return rule(write.Actor, write.Dispute, found) is { Allowed: false } no ? (write, found, no.AsOutcome()) : (write, found, null);
    }
}
