using ConflictForum.Features.Content;

namespace ConflictForum.Features.Deliberation;

/// <summary>A resolution as one reader sees it; title and text are blank when it is hidden from this reader.</summary>
public sealed record ResolutionView(int Id, string Title, string Html, string ProposerId, string ProposerName, DateTime CreatedAt,
    int Support, int Oppose, Share SupportShare, PartyAnswer ClaimantAnswer, PartyAnswer RespondentAnswer, bool? MyStance,
    HiddenNotice? Hidden = null);
