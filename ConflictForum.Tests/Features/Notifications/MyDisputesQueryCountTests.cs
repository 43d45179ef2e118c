using System.Data.Common;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Notifications;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Notifications;

/// <summary>"My disputes" reads set-wise: a member with many disputes costs the same queries as one with few.</summary>
public sealed class MyDisputesQueryCountTests : QueryCountingTest
{
    [Fact]
    public async Task The_number_of_queries_does_not_grow_with_the_number_of_disputes()
    {
        var dana = await MemberAsync("Dana");
        var shops = 0;
        async Task AddDisputesAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                // The shop opens each (a member opens only a few disputes a day); Dana answers them all.
                var (id, shop, _) = await Given.DisputeBetweenAsync(await MemberAsync($"Shop {++shops}"), dana);
                var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(shop, id,
                    new OfferInput { Terms = "Refund in full.", ExpiresAt = DateTime.UtcNow.AddDays(2) }));
                Assert.True(offer.Succeeded, offer.Message);
                Assert.True((await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(shop, id))).Succeeded);
            }
        }

        await AddDisputesAsync(2);
        var (few, fewQueries) = await Counter.CountAsync(() => MineAsync(dana));
        await AddDisputesAsync(10);
        var (many, manyQueries) = await Counter.CountAsync(() => MineAsync(dana));

        Assert.Equal((4, 24), (few.Actions.Count, many.Actions.Count)); // an offer and a mediation request to answer on each
        Assert.Equal(fewQueries, manyQueries);
        Assert.InRange(manyQueries, 1, 8);
    }

    private Task<MyDisputes> MineAsync(ForumActor member) => WithAsync<MyDisputesQueries, MyDisputes>(q => q.GetAsync(member));
}
