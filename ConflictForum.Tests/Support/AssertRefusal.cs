using ConflictForum.Platform;

namespace ConflictForum.Tests.Support;

/// <summary>
/// Asserts a refusal by its kind and its named sentence (e.g. <c>DeliberationRefusals.OnlyWhileOpen</c>), not a copy of
/// the wording.
/// </summary>
internal static class AssertRefusal
{
    public static void Is(string expected, Outcome outcome)
    {
        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Equal(expected, outcome.Message);
    }
}
