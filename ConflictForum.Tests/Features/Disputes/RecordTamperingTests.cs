using System.Net.Http.Json;
using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Record;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>
/// Rows changed, deleted and cut off behind the forum's back, in the SQLite file itself: "Verify record" names the first
/// entry that no longer holds, and a daily digest someone kept shows a dispute deleted whole.
/// </summary>
public sealed class RecordTamperingTests : ClockedForumAppTest
{
    /// <summary>
    /// A dispute whose record is, by entry: 1 opened, 2 statement, 3 invitation, 4 joined, 5 comment, 6 its edit,
    /// 7 resolution, 8 a reply to the comment, 9 a party's reply on the timeline.
    /// </summary>
    private sealed record Scene(int DisputeId, int CommentId, int ReplyCommentId, int ResolutionId, ForumActor Claimant);

    private async Task<Scene> RecordAsync()
    {
        var claimant = await MemberAsync("Claimant");
        var respondent = await MemberAsync("Respondent");
        var reader = await MemberAsync("Reader");
        var opened = await Given.DisputeBetweenAsync(claimant, respondent,
            Scenario.Dispute("The fence on the boundary", "Who pays for the new fence.", "Sam", "Sam moved the fence."));
        var comment = await Given.CommentAsync(reader, opened.DisputeId, "Ask for the survey.");
        Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
            s.EditCommentAsync(reader, comment, "Ask for the land survey."))).Succeeded);
        var resolution = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(reader, opened.DisputeId, "Share the cost", "Each pays half of the new fence."))).Value;
        var reply = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(claimant, opened.DisputeId, "We have one.", comment))).Value;
        Assert.True((await WithAsync<DisputeService, Outcome>(s =>
            s.PostReplyAsync(claimant, opened.DisputeId, "The survey is attached."))).Succeeded);

        var intact = await VerifyAsync(opened.DisputeId);
        Assert.True(intact.Intact, intact.Message);
        Assert.Equal(11, intact.EntryCount);
        return new Scene(opened.DisputeId, comment, reply, resolution, claimant);
    }

    private Task<ChainVerdict> VerifyAsync(int disputeId) => WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(disputeId));

    /// <summary>Runs SQL on the forum's SQLite file, as someone with the file and no app would.</summary>
    private async Task BehindTheForumAsync(string sql)
    {
        await using var scope = App.Services.CreateAsyncScope();
#pragma warning disable EF1002 // the statements are the test's own constants
        await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
    }

    private static void AssertBroken(ChainVerdict verdict, int firstBad, string message)
    {
        Assert.False(verdict.Intact);
        Assert.Equal(firstBad, verdict.FirstBrokenSequence);
        Assert.Equal(message, verdict.Message);
    }

    [Fact]
    public async Task Deleting_the_newest_entries_is_reported_naming_the_first_missing_entry()
    {
        var scene = await RecordAsync();

        await BehindTheForumAsync($"DELETE FROM TimelineEntries WHERE DisputeId = {scene.DisputeId} AND Sequence >= 10");

        AssertBroken(await VerifyAsync(scene.DisputeId), 10,
            "The record is broken: entry 10 is missing: the record ends at entry 9 but the dispute records 11 entries.");

        // The next entry extends the anchor, not what is left: the gap stays in view.
        Assert.True((await WithAsync<DisputeService, Outcome>(s =>
            s.PostReplyAsync(scene.Claimant, scene.DisputeId, "Still here."))).Succeeded);
        AssertBroken(await VerifyAsync(scene.DisputeId), 10, "The record is broken: entry 10 is missing.");
    }

    [Fact]
    public async Task Deleting_every_entry_of_a_dispute_is_reported_from_the_anchor_on_its_row()
    {
        var scene = await RecordAsync();

        await BehindTheForumAsync($"DELETE FROM TimelineEntries WHERE DisputeId = {scene.DisputeId}");

        AssertBroken(await VerifyAsync(scene.DisputeId), 1,
            "The record is broken: entry 1 is missing: the dispute records 11 entries and none remain.");
    }

    [Fact]
    public async Task Rewriting_a_resolution_s_text_or_title_is_reported_naming_its_entry()
    {
        var scene = await RecordAsync();

        await BehindTheForumAsync($"UPDATE Resolutions SET Title = 'The respondent pays it all' WHERE Id = {scene.ResolutionId}");
        AssertBroken(await VerifyAsync(scene.DisputeId), 9,
            "The record is broken: the resolution that entry 9 points to was changed or removed.");

        await BehindTheForumAsync("UPDATE Resolutions SET Title = 'Share the cost', Source = 'Sam pays for the fence.', "
            + $"Html = '<p>Sam pays for the fence.</p>' WHERE Id = {scene.ResolutionId}");
        AssertBroken(await VerifyAsync(scene.DisputeId), 9,
            "The record is broken: the resolution that entry 9 points to was changed or removed.");
    }

    [Fact]
    public async Task Rewriting_a_comment_its_earlier_version_or_a_reply_to_it_is_reported_naming_the_first_bad_entry()
    {
        var scene = await RecordAsync();

        await BehindTheForumAsync(
            $"UPDATE Comments SET Source = 'Ignore the survey.', Html = '<p>Ignore the survey.</p>' WHERE Id = {scene.ReplyCommentId}");
        AssertBroken(await VerifyAsync(scene.DisputeId), 10,
            "The record is broken: the comment that entry 10 points to was changed or removed.");

        // The edited comment as shown is the one its edit (entry 8) recorded; rewriting it is found first now.
        await BehindTheForumAsync(
            $"UPDATE Comments SET Source = 'Forget the survey.', Html = '<p>Forget the survey.</p>' WHERE Id = {scene.CommentId}");
        AssertBroken(await VerifyAsync(scene.DisputeId), 8,
            "The record is broken: the comment that entry 8 points to was changed or removed.");

        // Its first version, kept as a revision, is the one entry 7 recorded.
        await BehindTheForumAsync($"UPDATE CommentRevision SET Source = 'Never mind the survey.' WHERE CommentId = {scene.CommentId}");
        AssertBroken(await VerifyAsync(scene.DisputeId), 7,
            "The record is broken: the comment that entry 7 points to was changed or removed.");
    }

    [Fact]
    public async Task A_comment_changed_with_a_revision_row_forged_to_look_like_an_unrecorded_old_edit_is_still_reported()
    {
        var scene = await RecordAsync();

        await BehindTheForumAsync(
            "INSERT INTO CommentRevision (CommentId, Source, Html, At) SELECT Id, Source, NULL, CreatedAt FROM Comments "
            + $"WHERE Id = {scene.ReplyCommentId};\n"
            + $"UPDATE Comments SET Source = 'Ignore the survey.', Html = '<p>Ignore the survey.</p>' WHERE Id = {scene.ReplyCommentId};");

        AssertBroken(await VerifyAsync(scene.DisputeId), 10,
            "The record is broken: the comment that entry 10 points to was edited before edits were recorded, or changed since.");
    }

    [Fact]
    public async Task Deleting_a_comment_or_rewriting_a_party_s_reply_is_reported_naming_its_entry()
    {
        var scene = await RecordAsync();

        await BehindTheForumAsync($"UPDATE TimelineEntries SET Body = 'No survey.' WHERE DisputeId = {scene.DisputeId} AND Sequence = 11");
        AssertBroken(await VerifyAsync(scene.DisputeId), 11, "The record is broken: entry 11 was changed after it was written.");

        await BehindTheForumAsync($"DELETE FROM Comments WHERE Id = {scene.ReplyCommentId}");
        AssertBroken(await VerifyAsync(scene.DisputeId), 10,
            "The record is broken: the comment that entry 10 points to was changed or removed.");
    }

    [Fact]
    public async Task A_record_rewritten_and_hashed_again_no_longer_matches_the_anchor_on_the_dispute()
    {
        var scene = await RecordAsync();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            var last = await db.TimelineEntries.AsNoTracking().SingleAsync(e => e.DisputeId == scene.DisputeId && e.Sequence == 11);
            last.Body = "No survey was ever made.";
            var hash = TimelineWriter.HashOf(last);
            await db.TimelineEntries.Where(e => e.Id == last.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, last.Body).SetProperty(e => e.Hash, hash));
        }

        AssertBroken(await VerifyAsync(scene.DisputeId), 11,
            "The record is broken: entry 11 does not match the hash the dispute keeps of its newest entry: "
            + "the record was rewritten and hashed again.");
    }

    [Fact]
    public async Task A_dispute_deleted_whole_with_its_anchor_is_missing_from_the_daily_digest_a_reader_kept()
    {
        var scene = await RecordAsync();
        var day = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        Assert.Null(await WithAsync<RecordDigests, RecordDigest?>(d => d.OfDayAsync(day))); // not published before the day is over
        Clock.Advance(TimeSpan.FromDays(1));

        using var client = App.CreateClient();
        var kept = await client.GetFromJsonAsync<RecordDigest>(new Uri(RecordDigestEndpoint.Url(day), UriKind.Relative));
        Assert.Equal(new[] { new DigestLine(scene.DisputeId, 11, (await TimelineAsync(scene.DisputeId))[^1].Hash) }, kept!.Disputes);
        Assert.Equal(TimelineWriter.Sha256(RecordDigest.Text(kept.Disputes)), kept.Hash);

        await BehindTheForumAsync($"""
            PRAGMA foreign_keys = OFF;
            DELETE FROM TimelineEntries WHERE DisputeId = {scene.DisputeId};
            DELETE FROM Disputes WHERE Id = {scene.DisputeId};
            """);

        var now = await client.GetFromJsonAsync<RecordDigest>(new Uri(RecordDigestEndpoint.Url(day), UriKind.Relative));
        Assert.Empty(now!.Disputes);
        Assert.NotEqual(kept.Hash, now.Hash);
    }

    [Fact]
    public async Task Writes_landing_while_the_record_is_verified_are_not_reported_as_tampering()
    {
        var scene = await RecordAsync();
        var reader = await MemberAsync("Another reader");

        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                var posted = await WithAsync<DeliberationService, Outcome<int>>(s =>
                    s.PostCommentAsync(reader, scene.DisputeId, $"Comment {i}"));
                Assert.True(posted.Succeeded, posted.Message);
                Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
                    s.EditCommentAsync(reader, posted.Value, $"Comment {i}, edited"))).Succeeded);
            }
        });
        var verdicts = new List<ChainVerdict>();
        while (!writing.IsCompleted) verdicts.Add(await VerifyAsync(scene.DisputeId));
        await writing;

        Assert.All(verdicts, v => Assert.True(v.Intact, v.Message));
        Assert.Equal(11 + 60, (await VerifyAsync(scene.DisputeId)).EntryCount);
    }

    [Fact]
    public async Task Records_written_before_the_anchor_existed_verify_once_migrated()
    {
        var scene = await RecordAsync();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<ForumDbContext>()
                .GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            var migrations = scope.ServiceProvider.GetRequiredService<ForumDbContext>().Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_TrustRecord", StringComparison.Ordinal)) - 1]);
            await migrator.MigrateAsync();
        }

        var verdict = await VerifyAsync(scene.DisputeId);
        Assert.True(verdict.Intact, verdict.Message);
        Assert.All(await TimelineAsync(scene.DisputeId), e => Assert.Equal(e.At, e.RecordedAt));
    }

    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int disputeId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ForumDbContext>().TimelineEntries.AsNoTracking()
            .Where(e => e.DisputeId == disputeId).OrderBy(e => e.Sequence).ToListAsync();
    }
}
