namespace ConflictForum.Features.Disputes;

public static class PartyRoles
{
    /// <summary>The party's word in a sentence: "claimant" or "respondent".</summary>
    public static string Name(PartyRole role) => role == PartyRole.Claimant ? "claimant" : "respondent";

    /// <summary>The other side of <paramref name="role"/>.</summary>
    public static PartyRole Other(PartyRole role) => role == PartyRole.Claimant ? PartyRole.Respondent : PartyRole.Claimant;
}
