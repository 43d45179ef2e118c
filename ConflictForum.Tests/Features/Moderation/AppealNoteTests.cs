using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Record;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Moderation;

/// <summary>
/// An appeal note is for moderators and the author; public places say only that an appeal was made and how it was decided.
/// </summary>
public sealed class AppealNoteTests : ClockedForumAppTest
{
    private const string Note = "My cousin Jo Bloggs of 12 Elm Road can confirm every word.";

    private static OpenDisputeInput Bicycle =>
        Scenario.Dispute("Broken bicycle sold as new", "The frame was cracked.", "Bike shop", "It was cracked.");

    [Fact]
    public async Task The_appeal_note_is_kept_off_the_public_log_and_the_timeline_which_say_what_was_decided()
    {
        var opened = await Given.DisputeBetweenAsync("Claimant", "Respondent", Bicycle);
        var author = await MemberAsync("Blunt Writer");
        var comment = await Given.CommentAsync(author, opened.DisputeId, "That shop cheats everyone.");
        var hider = await WithRoleAsync(await MemberAsync("Hider"), ForumRoles.Moderator);
        var decider = await WithRoleAsync(await MemberAsync("Second Look"), ForumRoles.Moderator);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(hider, ContentKind.Comment, comment, "Unfounded accusation"))).Succeeded);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.AppealAsync(author, ContentKind.Comment, comment, Note))).Succeeded);

        // Moderators read the note to decide.
        var queued = Assert.Single(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(decider)));
        Assert.Equal(Note, queued.State.AppealNote);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.DecideAppealAsync(decider, ContentKind.Comment, comment, restore: false, "Still unfounded"))).Succeeded);

        var log = (await WithAsync<ModerationQueries, LogPage>(q => q.LogAsync())).Entries.Select(ModerationText.Summary).ToList();
        Assert.Contains("Blunt Writer appealed the hiding of their comment; another moderator will decide.", log);
        Assert.Contains("Second Look (moderator) refused the appeal on a comment by Blunt Writer, which stays hidden: Still unfounded",
            log);
        Assert.DoesNotContain(log, line => line.Contains("Elm Road", StringComparison.Ordinal));
        var timeline = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q =>
            q.TimelineAsync(opened.DisputeId, viewer: decider));
        Assert.Contains(timeline, e => e.Summary == "Blunt Writer appealed the hiding of their comment; another moderator will decide.");
        Assert.DoesNotContain(timeline, e => $"{e.Summary}{e.Body}".Contains("Elm Road", StringComparison.Ordinal));
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(opened.DisputeId))).Intact);
    }

    [Fact]
    public async Task An_appeal_note_written_on_the_timeline_before_the_fix_is_not_shown_to_readers()
    {
        var opened = await Given.OpenAsync(await MemberAsync("Claimant"), Bicycle);
        var author = await MemberAsync("Blunt Writer");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // An entry as the old code wrote it, note and all; the record keeps it (it is hash-chained).
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            await scope.ServiceProvider.GetRequiredService<TimelineWriter>().AppendAsync(db, opened.DisputeId,
                Clock.GetUtcNow().UtcDateTime, author, TimelineKind.Moderation,
                $"Blunt Writer appealed the hiding of their comment: {Note}", reference: "comment:1");
            await db.SaveChangesAsync();
        }

        var timeline = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(opened.DisputeId));
        Assert.Contains(timeline, e => e.Summary == "Blunt Writer appealed the hiding of their comment; another moderator will decide.");
        Assert.DoesNotContain(timeline, e => e.Summary.Contains("Elm Road", StringComparison.Ordinal));
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(opened.DisputeId))).Intact);
    }
}
