using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Record;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Platform;

/// <summary>Every text a member writes goes through one input check: what the record hashes is what is stored.</summary>
public sealed class InputCheckTests : ForumAppTest
{
    private const string Nul = "\0";

    /// <summary>The builder's default dispute, changed as a test needs.</summary>
    private static OpenDisputeInput Dispute(Action<OpenDisputeInput>? change = null)
    {
        var input = Scenario.Dispute();
        change?.Invoke(input);
        return input;
    }

    private Task<DisputeParties> OpenAsync() =>
        Given.DisputeBetweenAsync("Claimant " + Guid.NewGuid().ToString("N")[..6], "Respondent " + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>How many rows of member text exist: a refused write must leave every count as it was.</summary>
    private Task<(int Disputes, int Timeline, int Comments, int Resolutions, int Revisions, int Flags, int Log)> CountsAsync() =>
        WithAsync<IDbContextFactory<ForumDbContext>, (int, int, int, int, int, int, int)>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return (await db.Disputes.CountAsync(), await db.TimelineEntries.CountAsync(), await db.Comments.CountAsync(),
                await db.Resolutions.CountAsync(),
                await db.StatementRevisions.CountAsync(), await db.Flags.CountAsync(), await db.ModerationLog.CountAsync());
        });

    private static void AssertRefusedForControlCharacter(Outcome outcome, string field)
    {
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal($"The {field} contains an invisible control character (U+0000) that cannot be saved. Remove it and try again.",
            outcome.Message);
    }

    [Fact]
    public async Task Every_text_input_refuses_a_NUL_with_a_clear_message_and_saves_nothing()
    {
        var d = await OpenAsync();
        var reader = await MemberAsync("Careful Reader");
        var moderator = await WithRoleAsync(await MemberAsync("Fair Moderator"), ForumRoles.Moderator);
        var commentId = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(reader, d.DisputeId, "A fair point."))).Value;
        var before = await CountsAsync();

        async Task Refused<T>(Func<T, Task<Outcome>> write, string field) where T : notnull =>
            AssertRefusedForControlCharacter(await WithAsync(write), field);

        await Refused<DisputeService>(async s => await s.OpenDisputeAsync(d.Claimant,
            Dispute(i => i.Title = "Broken lamp" + Nul + " and more")), "title");
        await Refused<DisputeService>(async s => await s.OpenDisputeAsync(d.Claimant, Dispute(i => i.Summary = "Sum" + Nul)), "summary");
        await Refused<DisputeService>(async s => await s.OpenDisputeAsync(d.Claimant,
            Dispute(i => i.RespondentName = "Lamp" + Nul + "Shop")), "respondent name");
        await Refused<DisputeService>(async s => await s.OpenDisputeAsync(d.Claimant,
            Dispute(i => i.Statement = "It arrived" + Nul + " broken.")), "statement");
        await Refused<DisputeService>(s => s.SaveStatementAsync(d.Respondent, d.DisputeId, "We" + Nul + " refunded."), "statement");
        await Refused<DisputeService>(s => s.PostReplyAsync(d.Claimant, d.DisputeId, "No" + Nul + " you did not."), "reply");
        await Refused<DeliberationService>(async s => await s.PostCommentAsync(reader, d.DisputeId, "Hidden" + Nul + "tail"), "comment");
        await Refused<DeliberationService>(s => s.EditCommentAsync(reader, commentId, "Edited" + Nul), "comment");
        await Refused<DeliberationService>(async s => await s.ProposeResolutionAsync(reader, d.DisputeId,
            "Split" + Nul + " it", "Half each."), "resolution's title");
        await Refused<DeliberationService>(async s => await s.ProposeResolutionAsync(reader, d.DisputeId,
            "Split it", "Half" + Nul + " each."), "resolution");
        await Refused<ModerationService>(s => s.FlagAsync(d.Claimant, ContentKind.Comment, commentId,
            FlagReason.Other, "Rude" + Nul), "note");
        await Refused<ModerationService>(s => s.HideAsync(moderator, ContentKind.Comment, commentId, "Abuse" + Nul), "reason");
        await Refused<ModerationService>(s => s.SuspendAsync(moderator, reader.UserId!,
            DateTime.UtcNow.AddDays(1), "Spam" + Nul), "reason");

        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("\u0001", "U+0001")]
    [InlineData("\u001B[31m", "U+001B")]
    [InlineData("\u007F", "U+007F")]
    [InlineData("\u0085", "U+0085")]
    [InlineData("\u009B", "U+009B")]
    public async Task Other_C0_and_C1_control_characters_are_refused_too(string control, string named)
    {
        var d = await OpenAsync();
        var outcome = await WithAsync<DisputeService, Outcome>(s =>
            s.PostReplyAsync(d.Claimant, d.DisputeId, "Before" + control + "after"));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(named, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_surrogate_is_refused_because_it_would_not_read_back_the_same()
    {
        var d = await OpenAsync();
        var outcome = await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(d.Claimant, d.DisputeId, "Half an emoji: \uD83D."));
        Assert.Equal("The comment contains a broken character (half of an emoji or symbol) that cannot be saved. Retype it and try again.",
            outcome.Message);
    }

    [Theory]
    [InlineData("Refund for \u202Egnp.exe broken lamp", "U+202E")] // reads backwards from the override on
    [InlineData("\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B", "U+200B")] // a blank title of 12
    [InlineData("Broken lamp\u2066 and a hidden turn\u2069", "U+2066")]
    public async Task Text_that_would_read_otherwise_than_it_is_written_is_refused_and_saves_nothing(string title, string character)
    {
        var d = await OpenAsync();
        var before = await CountsAsync();
        var outcome = await WithAsync<DisputeService, Outcome<OpenedDispute>>(s =>
            s.OpenDisputeAsync(d.Claimant, Dispute(i => i.Title = title)));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal($"The title contains an invisible character ({character}) that would make it read otherwise than it is written. "
            + "Remove it and try again.", outcome.Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_saved_text_reads_back_byte_for_byte_and_the_record_verifies()
    {
        // Tabs, both line endings, emoji with joiners and skin tones, combining marks, right-to-left text, non-breaking spaces.
        const string text = "Line one\tcolumn\r\nLine two\nFamily: 👨‍👩‍👧 👍🏽 — café (e\u0301), שלום, 1\u00A0000\u202F€, end.  ";
        var d = await OpenAsync();
        var reader = await MemberAsync("Precise Reader");
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.SaveStatementAsync(d.Respondent, d.DisputeId, text))).Succeeded);
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.PostReplyAsync(d.Claimant, d.DisputeId, text))).Succeeded);
        var comment = (await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(reader, d.DisputeId, text))).Value;
        var resolution = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(reader, d.DisputeId, "Split 👍🏽 it", text))).Value;

        var stored = await WithAsync<IDbContextFactory<ForumDbContext>,
            (string Statement, string? Reply, string Comment, string Resolution)>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return (await db.Statements.Where(s => s.DisputeId == d.DisputeId && s.Role == PartyRole.Respondent)
                .Select(s => s.Source).SingleAsync(),
                await db.TimelineEntries.Where(t => t.DisputeId == d.DisputeId && t.Body != null).Select(t => t.Body).SingleAsync(),
                await db.Comments.Where(c => c.Id == comment).Select(c => c.Source).SingleAsync(),
                await db.Resolutions.Where(r => r.Id == resolution).Select(r => r.Source).SingleAsync());
        });
        Assert.Equal(text, stored.Statement);
        Assert.Equal(text, stored.Reply);
        Assert.Equal(text, stored.Comment);
        Assert.Equal(text, stored.Resolution);
        Assert.True((await WithAsync<RecordVerifier, ConflictForum.Features.Timeline.ChainVerdict>(q =>
            q.VerifyRecordAsync(d.DisputeId))).Intact);
    }

    [Fact]
    public async Task Every_Markdown_input_refuses_what_the_renderer_refuses_with_its_message()
    {
        var tooDeep = new string('>', 200);
        var d = await OpenAsync();
        var reader = await MemberAsync("Nesting Reader");
        var commentId = (await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(reader, d.DisputeId, "Fine."))).Value;
        var before = await CountsAsync();

        Outcome[] outcomes =
        [
            await WithAsync<DisputeService, Outcome>(s => s.SaveStatementAsync(d.Respondent, d.DisputeId, tooDeep)),
            await WithAsync<DisputeService, Outcome>(s => s.PostReplyAsync(d.Claimant, d.DisputeId, tooDeep)),
            await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(reader, d.DisputeId, tooDeep)),
            await WithAsync<DeliberationService, Outcome>(s => s.EditCommentAsync(reader, commentId, tooDeep)),
            await WithAsync<DeliberationService, Outcome<int>>(s => s.ProposeResolutionAsync(reader, d.DisputeId,
                "Deep thoughts", tooDeep)),
        ];
        Assert.All(outcomes, o => Assert.Equal((OutcomeKind.Invalid, MarkdownRenderer.TooDeeplyNested), (o.Kind, o.Message)));
        Assert.Equal(before, await CountsAsync());
        var comment = await WithAsync<IDbContextFactory<ForumDbContext>, string>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Comments.Where(c => c.Id == commentId).Select(c => c.Source).SingleAsync();
        });
        Assert.Equal("Fine.", comment);
    }

    [Fact]
    public async Task A_title_is_measured_after_trimming()
    {
        var claimant = await MemberAsync("Short Titler");
        var outcome = await WithAsync<DisputeService, Outcome<OpenedDispute>>(s =>
            s.OpenDisputeAsync(claimant, Dispute(i => i.Title = "a         ")));
        Assert.Equal("The title must be 10 to 120 characters long.", outcome.Message);

        var padded = await WithAsync<DisputeService, Outcome<OpenedDispute>>(s =>
            s.OpenDisputeAsync(claimant, Dispute(i => i.Title = "   Broken lamp, no refund   ")));
        var title = await WithAsync<IDbContextFactory<ForumDbContext>, string>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Disputes.Where(x => x.Id == padded.Value!.DisputeId).Select(x => x.Title).SingleAsync();
        });
        Assert.Equal("Broken lamp, no refund", title);

        var reader = await MemberAsync("Resolution Titler");
        var resolution = await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(reader, padded.Value!.DisputeId, "ab        ", "Half each."));
        Assert.Equal("Give the resolution a title of 5 to 120 characters.", resolution.Message);
    }

    [Fact]
    public async Task An_account_e_mail_with_a_control_character_is_refused()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var email = "ann\0@example.test";
        var created = await users.CreateAsync(new ForumUser
        {
            UserName = email, Email = email,
            DisplayName = "Ann Null", CreatedAt = DateTime.UtcNow
        });
        Assert.False(created.Succeeded);
        Assert.Contains(created.Errors,
            e => e.Description.StartsWith("The e-mail address contains an invisible control character", StringComparison.Ordinal));
    }
}
