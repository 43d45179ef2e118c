using ConflictForum.Platform;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// The fault vote as one reader may see it. <see cref="Tally"/> and <see cref="Verdict"/> are null while the tallies are
/// blind to this reader; <see cref="Total"/> (how many voted) is always public.
/// </summary>
public sealed record TallyView(int Total, FaultTally? Tally, Verdict? Verdict, FaultOption? MyVote, Decision CanVote, string? FinalVerdict)
{
    public bool Visible => Tally is not null;
}
