namespace ConflictForum.Features.Deliberation;

public sealed class Resolution
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 5_000;

    public int Id { get; set; }

    public int DisputeId { get; set; }

    public string ProposerId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Source { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public int Support { get; set; }

    public int Oppose { get; set; }

    public PartyAnswer ClaimantAnswer { get; set; }

    public PartyAnswer RespondentAnswer { get; set; }

    /// <summary>When the claimant last answered; null before.</summary>
    public DateTime? ClaimantAnsweredAt { get; set; }

    /// <summary>When the respondent last answered; null before.</summary>
    public DateTime? RespondentAnsweredAt { get; set; }
}
