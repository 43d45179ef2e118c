using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>
/// Search through the full-text index the migrations create: every word in any order, across a dispute's title, summary,
/// the parties' and organisation's names and the statements, ranked, kept current by the steps that change the words, and
/// never matching what a moderator hid.
/// </summary>
public sealed class DisputeSearchTests : ForumAppTest
{
    private async Task<List<string>> FoundAsync(string search) =>
        [.. (await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new DisputeListQuery(Search: search)))).Rows
            .Select(r => r.Dispute.Title)];

    [Fact]
    public async Task Every_word_in_any_order_is_found_across_title_statement_and_names_best_match_first()
    {
        var cara = await MemberAsync("Cara Customer");
        await Given.OpenAsync(cara, Scenario.Dispute("Washing machine leaks", "It floods the kitchen.", "Appliance World",
            "They refused a refund for the washing machine twice."));
        await Given.OpenAsync(cara, Scenario.Dispute("Dryer stopped", "The dryer stopped after a week.", "Appliance World",
            "I asked for a refund."));
        await Given.OpenAsync(await MemberAsync("Ned Neighbour"), Scenario.Dispute("Hedge too tall", "It blocks the light.", "Next door",
            "My washing line is in the shade."));

        Assert.Equal(["Washing machine leaks"], await FoundAsync("washing machine refund"));
        Assert.Equal(["Washing machine leaks"], await FoundAsync("REFUND, machine washing!"));
        Assert.Equal(["Dryer stopped", "Washing machine leaks"], (await FoundAsync("appliance world")).Order());
        Assert.Equal(["Hedge too tall"], await FoundAsync("ned shade")); // the claimant's name, and a word of the statement
        Assert.Equal(["Washing machine leaks", "Hedge too tall"], await FoundAsync("wash")); // more of it in the first
        Assert.Equal(["Dryer stopped", "Washing machine leaks"], (await FoundAsync("refunds")).Order()); // stemmed
        Assert.Empty(await FoundAsync("washing dryer"));
        Assert.Empty(await FoundAsync("\"refund\" OR NEAR(dryer"));  // operators are only words here: no error, no match
    }

    [Fact]
    public async Task A_statements_new_words_are_found_and_its_old_ones_and_hidden_words_are_not()
    {
        var parties = await Given.DisputeBetweenAsync("Cara Customer", "Rob Respondent",
            Scenario.Dispute("Broken lamp", "The lamp arrived in pieces.", "Lamp Shop", "The courier dropped the parcel."));
        await Given.EditStatementAsync(parties.Respondent, parties.DisputeId, "The packaging was adequate for a porcelain lamp.");
        await Given.EditStatementAsync(parties.Respondent, parties.DisputeId, "The packaging met the carrier's standard.");
        Assert.Equal(["Broken lamp"], await FoundAsync("carrier standard"));
        Assert.Empty(await FoundAsync("porcelain"));
        Assert.Equal(["Broken lamp"], await FoundAsync("courier dropped"));

        int statement;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConflictForum.Data.ForumDbContext>();
            statement = await db.Statements.Where(s => s.DisputeId == parties.DisputeId && s.AuthorId == parties.Claimant.UserId)
                .Select(s => s.Id).SingleAsync();
        }
        var moderator = await WithRoleAsync(await MemberAsync("Mona Moderator"), ForumRoles.Moderator);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Statement, statement, "Names the courier's driver."))).Succeeded);
        Assert.Empty(await FoundAsync("courier dropped"));
        Assert.Equal(["Broken lamp"], await FoundAsync("lamp pieces"));

        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Dispute, parties.DisputeId, "The whole dispute names a private person."))).Succeeded);
        Assert.Empty(await FoundAsync("lamp pieces"));
    }

    [Fact]
    public async Task Disputes_opened_before_search_existed_are_indexed_when_the_forum_starts()
    {
        await Given.OpenAsync(await MemberAsync("Cara Customer"), Scenario.Dispute("Kettle whistles", "Loudly.", "Kettle Co", "Always."));
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ConflictForum.Data.ForumDbContext>().DisputeSearchTexts.ExecuteDeleteAsync();
        Assert.Empty(await FoundAsync("kettle"));

        var backfill = App.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "DisputeSearchBackfill");
        await backfill.StartAsync(CancellationToken.None);
        await ((BackgroundService)backfill).ExecuteTask!;

        Assert.Equal(["Kettle whistles"], await FoundAsync("kettle"));
    }

    [Fact]
    public void Highlighting_marks_the_words_that_start_with_a_searched_word_as_pieces_of_text()
    {
        Assert.Equal([("Washing", true), (" machine <b> ", false), ("refunded", true), ("!", false)],
            DisputeSearch.Pieces("Washing machine <b> refunded!", ["wash", "refund"]));
        Assert.Equal([("a & b", false)], DisputeSearch.Pieces("a & b", []));
    }
}
