using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Benchmarks.HomePage;

/// <summary>
/// Disputes straight into the tables, in batches (no services, no timeline): what the home page reads, in a forum's
/// proportions, in a minute rather than the hours 100,000 disputes through the services would take.
/// </summary>
internal static class HomeSeed
{
    public const string Mix = "5% awaiting a response, 10% open for votes, 60% closed, 15% settled, 2% settlement disputed, "
        + "8% withdrawn";

    /// <summary>How many disputes the first member is the claimant of (the member whose actions are timed).</summary>
    public const int MemberDisputes = 20;

    public static async Task<string> DisputesAsync(IDbContextFactory<ForumDbContext> factory, IReadOnlyList<ForumActor> members,
        int count, CancellationToken ct)
    {
        var random = new Random(21);
        var now = DateTime.UtcNow;
        var (settlements, hidden) = (0, 0);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var disputes = chunk.Select(i => Dispute(i, random, now, members)).ToList();
            db.Disputes.AddRange(disputes);
            await db.SaveChangesAsync(ct);
            foreach (var d in disputes.Where(d => d.Status is DisputeStatus.Settled or DisputeStatus.SettlementDisputed))
            {
                db.Settlements.Add(new Settlement
                {
                    DisputeId = d.Id, Source = "A full refund within two weeks.", Html = "<p>A full refund within two weeks.</p>",
                    Amount = 120, Currency = "EUR", CarryOutBy = d.ClosedAt!.Value.AddDays(14),
                    ClaimantAcceptedAt = d.ClosedAt.Value, RespondentAcceptedAt = d.ClosedAt.Value, SettledAt = d.ClosedAt.Value,
                });
                settlements++;
            }
            foreach (var d in disputes.Where(d => d.Id % 100 == 0))
            {
                db.ModeratedItems.Add(new ModeratedItem
                {
                    Kind = ContentKind.Dispute, ItemId = d.Id, DisputeId = d.Id, AuthorId = d.ClaimantId, HiddenAt = d.CreatedAt,
                    HiddenById = members[1].UserId, HiddenReason = "Names a private person.",
                });
                hidden++;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return $"{settlements:N0} settlements, {hidden:N0} hidden";
    }

    private static Dispute Dispute(int i, Random random, DateTime now, IReadOnlyList<ForumActor> members)
    {
        var claimant = i < MemberDisputes ? members[0] : members[random.Next(members.Count)];
        var respondent = members[random.Next(members.Count)];
        var roll = random.Next(100);
        var status = roll switch
        {
            < 5 => DisputeStatus.AwaitingResponse,
            < 15 => DisputeStatus.Open,
            < 75 => DisputeStatus.Closed,
            < 90 => DisputeStatus.Settled,
            < 92 => DisputeStatus.SettlementDisputed,
            _ => DisputeStatus.Withdrawn,
        };
        // Running disputes are recent; the others spread over two years.
        var created = status switch
        {
            DisputeStatus.AwaitingResponse => now.AddMinutes(-random.Next(7 * 24 * 60 - 60)),
            DisputeStatus.Open => now.AddMinutes(-random.Next(14 * 24 * 60 - 60)),
            _ => now.AddMinutes(-random.Next(20 * 24 * 60, 730 * 24 * 60)),
        };
        var responseDeadline = created.AddDays(7);
        var opened = status == DisputeStatus.AwaitingResponse ? (DateTime?)null
            : created.AddMinutes(random.Next(10, 7 * 24 * 60));
        var votingCloses = opened?.AddDays(7);
        if (status == DisputeStatus.Open && votingCloses <= now) (opened, votingCloses) = (now.AddHours(-1), now.AddDays(7).AddHours(-1));
        var closed = status switch
        {
            DisputeStatus.Closed => votingCloses,
            DisputeStatus.Settled or DisputeStatus.SettlementDisputed => opened!.Value.AddMinutes(random.Next(60, 7 * 24 * 60)),
            DisputeStatus.Withdrawn => created.AddHours(1),
            _ => null,
        };
        var activity = 1 + (int)(Math.Pow(random.NextDouble(), 3) * 300);
        var votes = status == DisputeStatus.AwaitingResponse ? 0 : random.Next(40);
        return new Dispute
        {
            Title = $"Order {i + 1}: the parcel came late and the refund never did",
            Summary = "The parcel arrived three weeks late, with the box crushed and the lamp inside broken; the shop promised a "
                + "refund twice and sent none. Both sides have given their account, with the photographs and the e-mails.",
            Category = (DisputeCategory)(i % 5),
            Status = status,
            ClaimantId = claimant.UserId!,
            RespondentId = status == DisputeStatus.AwaitingResponse && i % 2 == 0 ? null : respondent.UserId,
            RespondentName = respondent.DisplayName,
            CreatedAt = created,
            ResponseDeadline = responseDeadline,
            OpenedAt = opened,
            VotingClosesAt = votingCloses,
            ClosedAt = closed,
            LastActivityAt = closed ?? now.AddMinutes(-random.Next(60 * 24)),
            ActivityCount = activity,
            ClaimantAtFaultVotes = votes / 2,
            RespondentAtFaultVotes = votes - votes / 2,
            CommentCount = activity / 2,
        };
    }
}
