namespace ConflictForum.Features.Deliberation;

/// <summary>One member's answer to "who is at fault?" on one dispute; changeable until voting closes.</summary>
public sealed class FaultVote
{
    public long Id { get; set; }

    public int DisputeId { get; set; }

    public string VoterId { get; set; } = "";

    public FaultOption Option { get; set; }

    public DateTime CastAt { get; set; }
}
