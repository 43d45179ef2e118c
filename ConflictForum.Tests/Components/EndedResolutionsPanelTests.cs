using ConflictForum.Features.Deliberation;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>The resolutions panel of an ended dispute speaks of the past.</summary>
public sealed class EndedResolutionsPanelTests : ForumAppComponentTest
{
    [Fact]
    public void An_ended_dispute_without_resolutions_says_none_was_proposed()
    {
        var ended = Render<ResolutionsPanel>(p => p.Add(c => c.DisputeId, 1).Add(c => c.Resolutions, []).Add(c => c.Ended, true));
        var running = Render<ResolutionsPanel>(p => p.Add(c => c.DisputeId, 1).Add(c => c.Resolutions, []));

        Assert.Contains("No resolution was proposed.", ended.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("yet", ended.Markup, StringComparison.Ordinal);
        Assert.Contains("No resolution proposed yet.", running.Markup, StringComparison.Ordinal);
    }
}
