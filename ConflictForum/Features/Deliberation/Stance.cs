namespace ConflictForum.Features.Deliberation;

/// <summary>One member's support or opposition to one resolution.</summary>
public sealed class Stance
{
    public long Id { get; set; }

    public int ResolutionId { get; set; }

    public string VoterId { get; set; } = "";

    public bool Supports { get; set; }
}
