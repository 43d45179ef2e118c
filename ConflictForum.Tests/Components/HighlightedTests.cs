using Bunit;
using ConflictForum.Features.Disputes;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>Searched words marked in a dispute's title, the rest of what was typed shown as text, never as markup.</summary>
public sealed class HighlightedTests : ForumAppComponentTest
{
    [Fact]
    public void The_searched_words_are_marked_and_typed_markup_stays_text()
    {
        var title = Render<Highlighted>(p => p.Add(c => c.Text, "Washing <img src=x onerror=alert(1)> refunded")
            .Add(c => c.Words, ["wash", "refund"]));

        Assert.Equal(["Washing", "refunded"], title.FindAll("mark").Select(m => m.TextContent));
        Assert.Empty(title.FindAll("img"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", title.Markup, StringComparison.Ordinal);
    }
}
