namespace ConflictForum.Features.Deliberation;

public static class FaultNames
{
    public static string Of(FaultOption option) => option switch
    {
        FaultOption.ClaimantAtFault => "the claimant is at fault",
        FaultOption.RespondentAtFault => "the respondent is at fault",
        FaultOption.Both => "both are at fault",
        _ => "neither (a misunderstanding)",
    };
}
