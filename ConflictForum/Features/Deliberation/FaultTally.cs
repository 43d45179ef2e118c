using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Deliberation;

public sealed record FaultTally(int ClaimantAtFault, int RespondentAtFault, int Both, int Neither)
{
    public int Total => ClaimantAtFault + RespondentAtFault + Both + Neither;

    public int this[FaultOption option] => option switch
    {
        FaultOption.ClaimantAtFault => ClaimantAtFault,
        FaultOption.RespondentAtFault => RespondentAtFault,
        FaultOption.Both => Both,
        _ => Neither,
    };

    public static FaultTally Of(Dispute d) =>
        new(d.ClaimantAtFaultVotes, d.RespondentAtFaultVotes, d.BothAtFaultVotes, d.NeitherAtFaultVotes);

    public Share ShareOf(FaultOption option) => Share.Of(this[option], Total);
}
