using ConflictForum.Platform;

namespace ConflictForum.Tests.Platform;

public sealed class SharedTextsTests
{
    [Fact]
    public void Equal_texts_of_an_item_are_kept_once_and_a_changed_text_is_its_own()
    {
        var texts = new SharedTexts();
        var first = new string('a', 2_000);
        var second = new string('a', 2_000); // equal, another copy: what a second page's read returns

        Assert.Same(first, texts.Share("Statement", 7, first));
        Assert.Same(first, texts.Share("Statement", 7, second));

        var edited = new string('b', 2_000);
        Assert.Same(edited, texts.Share("Statement", 7, edited));
        Assert.Same(edited, texts.Share("Statement", 7, new string('b', 2_000)));
        // Another item, or another kind with the same id, never hands out this item's text.
        var other = new string('a', 2_000);
        Assert.Same(other, texts.Share("Comment", 7, other));
        Assert.Equal(2, texts.Count);
    }
}
