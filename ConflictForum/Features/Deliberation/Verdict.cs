namespace ConflictForum.Features.Deliberation;

/// <summary>The public verdict: the leading option, or why there is none yet.</summary>
public sealed record Verdict(FaultOption? Leader, Share? LeaderShare, string Text)
{
    public static Verdict Of(FaultTally tally, int quorum, Func<FaultOption, string> name)
    {
        if (tally.Total < quorum)
            return new(null, null, $"No clear verdict yet: {tally.Total} of the {quorum} votes needed.");
        var ranked = Enum.GetValues<FaultOption>().Select(o => (Option: o, Share: tally.ShareOf(o)))
            .OrderByDescending(x => x.Share.Count).ToList();
        var (leader, share) = ranked[0];
        if (ranked[1].Share.High >= share.Low)
            return new(null, null, $"No clear verdict yet: {name(leader)} and {name(ranked[1].Option)} are too close to call.");
        return new(leader, share, $"The public finds: {name(leader)}, {share}.");
    }
}
