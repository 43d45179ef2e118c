using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>
/// The dispute page's timeline leaves out the entries about comments (the discussion shows them), and its numbers still run on:
/// each run of them is a numbered placeholder, and a comment since hidden says so and why, so no gap looks like a deletion.
/// </summary>
public sealed class PageTimelineTests : ForumAppTest
{
    [Fact]
    public async Task Every_number_is_an_entry_or_a_placeholder_and_a_hidden_comment_s_placeholder_says_why()
    {
        var d = await Given.DisputeBetweenAsync("Claire", "Ron");
        var writer = await MemberAsync("Writer");
        await Given.CommentAsync(writer, d.DisputeId, "First thought.");
        await Given.CommentAsync(writer, d.DisputeId, "Second thought.");
        var rude = await Given.CommentAsync(writer, d.DisputeId, "Something rude.");
        await Given.HideCommentAsync(await Given.ModeratorAsync(), rude, "Insults the other party");
        await Given.CommentAsync(writer, d.DisputeId, "A last comment, after the hiding.");

        var full = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(d.DisputeId));
        foreach (var viewer in new[] { ForumActor.Anonymous, writer })
        {
            var page = await WithAsync<DisputeQueries, DisputeTimeline>(q => q.PageTimelineAsync(d.DisputeId, viewer));

            var numbers = page.Entries.Select(e => e.Sequence)
                .Concat(page.Gaps.SelectMany(g => Enumerable.Range(g.From, g.To - g.From + 1))).Order();
            Assert.Equal(full.Select(e => e.Sequence), numbers);
            Assert.DoesNotContain(page.Entries, e => e.Kind is TimelineKind.CommentPosted or TimelineKind.CommentEdited);
            var hiddenAt = full.Single(e => e.Kind == TimelineKind.CommentPosted && e.Reference == $"comment:{rude}").Sequence;
            var hidden = Assert.Single(page.Gaps, g => g.From == hiddenAt);
            Assert.Equal(hiddenAt, hidden.To);
            Assert.Equal("A comment since hidden. Hidden by a moderator: Insults the other party", hidden.Text);
            Assert.Contains(page.Gaps, g => g.To == hiddenAt - 1 && g.From == hiddenAt - 2
                && g.Text == "2 comments and edits of comments: the discussion shows them.");
            // The moderation entry sits between the hidden comment and the last one, so the last stands alone.
            Assert.Equal("A comment or an edit of one: the discussion shows it.", page.Gaps[^1].Text);
        }

        var reader = (await WithAsync<DisputeQueries, PublicTimelineData?>(q => q.PublicTimelineAsync(d.DisputeId)))!;
        Assert.Equal((await WithAsync<DisputeQueries, DisputeTimeline>(q => q.PageTimelineAsync(d.DisputeId, ForumActor.Anonymous))).Gaps,
            reader.Gaps);
    }

    [Fact]
    public void Neighbouring_entries_described_alike_make_one_gap_and_the_end_counts_too()
    {
        var gaps = TimelineGap.Between([1, 2, 6, 8], 10, n => n == 4 ? "hidden" : "comment");

        Assert.Equal([new(3, 3, "comment"), new(4, 4, "hidden"), new(5, 5, "comment"), new(7, 7, "comment"),
            new TimelineGap(9, 10, "comment")], gaps);
        Assert.Empty(TimelineGap.Between([1, 2, 3], 3, _ => "never"));
    }
}
