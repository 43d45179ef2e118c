using System.Diagnostics;
using ConflictForum.Platform;

namespace ConflictForum.Tests.Platform;

/// <summary>The word diff of two versions of a text as they read (rendered Markdown), not as they were typed.</summary>
public sealed class RenderedDiffTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static IReadOnlyList<IReadOnlyList<WordChange>> Diff(string before, string after) =>
        RenderedDiff.Of(Renderer.Render(before).Html, Renderer.Render(after).Html);

    private static string Show(IReadOnlyList<IReadOnlyList<WordChange>> blocks) => string.Join(" | ", blocks.Select(block =>
        string.Join(" ", block.Select(run => run.Kind switch
        {
            WordChangeKind.Added => $"+[{run.Text}]",
            WordChangeKind.Removed => $"-[{run.Text}]",
            _ => run.Text,
        }))));

    [Fact]
    public void Added_words_are_marked_where_they_were_added()
    {
        var diff = Diff("The flat was cleaned before we left.", "The flat was cleaned twice before we left.");

        Assert.Equal("The flat was cleaned +[twice] before we left.", Show(diff));
        Assert.False(RenderedDiff.Unchanged(diff));
    }

    [Fact]
    public void Removed_words_are_kept_in_place_and_marked_removed()
    {
        Assert.Equal("The flat -[was really] cleaned.", Show(Diff("The flat was really cleaned.", "The flat cleaned.")));
    }

    [Fact]
    public void A_replaced_word_reads_as_removed_then_added()
    {
        Assert.Equal("We paid -[£400] +[£450] in advance.", Show(Diff("We paid £400 in advance.", "We paid £450 in advance.")));
    }

    [Theory]
    [InlineData("The *flat* was **cleaned**.", "The _flat_ was __cleaned__.")]
    [InlineData("- one\n- two", "* one\n* two")]
    [InlineData("# Heading\n\nText", "Heading\n=======\n\nText")]
    [InlineData("A [link](https://example.test/a) here.", "A [link](https://example.test/a)   here.")]
    [InlineData("Line one\nline two", "Line one\n   line two")]
    public void A_change_of_Markdown_that_reads_the_same_is_no_change(string before, string after)
    {
        var diff = Diff(before, after);

        Assert.True(RenderedDiff.Unchanged(diff), Show(diff));
    }

    [Fact]
    public void The_diff_is_of_the_rendered_text_never_of_the_Markdown_syntax()
    {
        var shown = Show(Diff("Some **bold** text.", "Some **bold** text, and a [link](https://example.test)."));

        Assert.Equal("Some bold -[text.] +[text, and a link.]", shown);
        Assert.DoesNotContain("*", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("example.test", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_stay_apart_and_a_new_paragraph_is_all_added()
    {
        var diff = Diff("First paragraph.\n\nSecond paragraph.", "First paragraph.\n\nA new one.\n\nSecond paragraph.");

        Assert.Equal("First paragraph. | +[A new one.] | Second paragraph.", Show(diff));
        Assert.Equal(3, diff.Count);
    }

    [Fact]
    public void A_first_version_after_none_is_all_added_and_two_empty_texts_are_nothing()
    {
        Assert.Equal("+[Hello there.]", Show(Diff("", "Hello there.")));
        Assert.Empty(RenderedDiff.Of("", null));
    }

    [Fact]
    public void Text_in_the_HTML_stays_text()
    {
        var diff = RenderedDiff.Of("<p>a &lt;script&gt; b</p>", "<p>a &lt;script&gt; c</p>");

        Assert.Equal("a <script> -[b] +[c]", Show(diff));
    }

    [Fact]
    public void Two_statements_of_the_longest_size_that_share_no_word_diff_quickly()
    {
        // The worst case of the edit script: every word differs. 20,000 characters each, a statement's limit.
        var before = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"a{i:D4}x"));
        var after = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"b{i:D4}y"));
        var watch = Stopwatch.StartNew();

        var diff = RenderedDiff.Of($"<p>{before}</p>", $"<p>{after}</p>");

        Assert.Equal([new WordChange(before, WordChangeKind.Removed), new WordChange(after, WordChangeKind.Added)], diff[0]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.Elapsed}");
    }
}
