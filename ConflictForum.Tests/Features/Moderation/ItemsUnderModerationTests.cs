using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Moderation;

/// <summary>
/// What a moderator reviews, and what an appeal is judged on, is the item as it was flagged or hidden: its author cannot change it
/// meanwhile.
/// </summary>
public sealed class ItemsUnderModerationTests : ClockedForumAppTest
{
    private sealed record World(int DisputeId, ForumActor Claimant, ForumActor Respondent, ForumActor Moderator);

    private async Task<World> OpenDisputeAsync()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent",
            Scenario.Dispute("Hedge cut down without asking", "The hedge was on my side.", "Next door", "The hedge was mine."));
        return new(d.DisputeId, d.Claimant, d.Respondent, await Given.ModeratorAsync());
    }

    private async Task<(string Source, bool Deleted)> StoredAsync(int commentId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var comment = await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Comments.AsNoTracking()
            .SingleAsync(c => c.Id == commentId);
        return (comment.Source, comment.DeletedAt is not null);
    }

    [Fact]
    public async Task Author_cannot_edit_or_delete_a_hidden_comment()
    {
        var w = await OpenDisputeAsync();
        var author = await MemberAsync("Author");
        var comment = await Given.CommentAsync(author, w.DisputeId, "The respondent is a crook.");
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(w.Moderator, ContentKind.Comment, comment, "Name-calling"))).Succeeded);

        const string refusal = "A moderator hid this comment, so it stays as it was hidden; you can appeal instead.";
        Assert.Equal(refusal,
            (await WithAsync<DeliberationService, Outcome>(s => s.EditCommentAsync(author, comment, "I never said that."))).Message);
        Assert.Equal(refusal, (await WithAsync<DeliberationService, Outcome>(s => s.DeleteCommentAsync(author, comment))).Message);
        Assert.Equal(("The respondent is a crook.", false), await StoredAsync(comment));

        // Nor while the appeal waits: the appeal is judged on the words as they were hidden.
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.AppealAsync(author, ContentKind.Comment, comment, "It was a joke."))).Succeeded);
        Assert.Equal(refusal,
            (await WithAsync<DeliberationService, Outcome>(s => s.EditCommentAsync(author, comment, "Something milder."))).Message);
        var seen = (await WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(w.DisputeId, author))).Threads
            .Single(t => t.Comment.Id == comment).Comment;
        Assert.False(seen.CanEdit);
        Assert.False(seen.CanDelete);
    }

    [Fact]
    public async Task Author_cannot_edit_or_delete_a_comment_pending_review()
    {
        var w = await OpenDisputeAsync();
        var author = await MemberAsync("Author");
        var comment = await Given.CommentAsync(author, w.DisputeId, "Everyone knows where he lives.");
        var flagger = await MemberAsync("Flagger");
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Comment, comment, FlagReason.PersonalInformation, null))).Succeeded);

        const string refusal = "A moderator is reviewing this comment, so it cannot be changed until they decide.";
        Assert.Equal(refusal,
            (await WithAsync<DeliberationService, Outcome>(s => s.EditCommentAsync(author, comment, "Nothing to see."))).Message);
        Assert.Equal(refusal, (await WithAsync<DeliberationService, Outcome>(s => s.DeleteCommentAsync(author, comment))).Message);
        Assert.Equal(("Everyone knows where he lives.", false), await StoredAsync(comment));

        // Once a moderator has decided (here: kept it), the author may change their words again.
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.DismissFlagsAsync(w.Moderator, ContentKind.Comment, comment, "No address given"))).Succeeded);
        Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
            s.EditCommentAsync(author, comment, "Everyone knows the street."))).Succeeded);
    }

    [Fact]
    public async Task Author_cannot_save_a_new_version_of_a_hidden_statement()
    {
        var w = await OpenDisputeAsync();
        int statementId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            statementId = await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Statements
                .Where(s => s.DisputeId == w.DisputeId && s.Role == PartyRole.Claimant).Select(s => s.Id).SingleAsync();
        }
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(w.Moderator, ContentKind.Statement, statementId, "Personal information"))).Succeeded);

        Assert.Equal("A moderator hid this statement, so it stays as it was hidden; you can appeal instead.",
            (await WithAsync<DisputeService, Outcome>(s =>
                s.SaveStatementAsync(w.Claimant, w.DisputeId, "A cleaned-up statement."))).Message);
        var view = (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(w.DisputeId, w.Claimant)))!;
        Assert.Equal(1, view.ClaimantStatement!.Revision);
        Assert.False(view.CanWriteStatement.Allowed);

        // The other party's statement is not under moderation: they write on.
        Assert.True((await WithAsync<DisputeService, Outcome>(s =>
            s.SaveStatementAsync(w.Respondent, w.DisputeId, "My side of the hedge."))).Succeeded);
    }

    [Fact]
    public async Task Author_cannot_save_a_new_version_of_a_statement_pending_review()
    {
        var w = await OpenDisputeAsync();
        int statementId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            statementId = await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Statements
                .Where(s => s.DisputeId == w.DisputeId && s.Role == PartyRole.Claimant).Select(s => s.Id).SingleAsync();
        }
        var flagger = await MemberAsync("Flagger");
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Statement, statementId, FlagReason.Abuse, null))).Succeeded);

        Assert.Equal("A moderator is reviewing this statement, so it cannot be changed until they decide.",
            (await WithAsync<DisputeService, Outcome>(s => s.SaveStatementAsync(w.Claimant, w.DisputeId, "A quieter statement."))).Message);
    }
}
