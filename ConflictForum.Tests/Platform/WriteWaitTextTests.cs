using ConflictForum.Platform;

namespace ConflictForum.Tests.Platform;

/// <summary>How a refused write says when to try again: from the real window, rounded up, in words a person reads.</summary>
public sealed class WriteWaitTextTests
{
    [Theory]
    [InlineData(0.2, "1 second")]
    [InlineData(39.1, "40 seconds")]
    [InlineData(119, "119 seconds")]
    [InlineData(121, "3 minutes")]
    [InlineData(59 * 60 + 1, "60 minutes")]
    [InlineData(23 * 3600 + 59 * 60, "24 hours")]
    public void The_wait_is_rounded_up_and_said_in_the_largest_fitting_unit(double seconds, string expected) =>
        Assert.Equal(expected, WriteLimiter.WaitText(TimeSpan.FromSeconds(seconds)));
}
