using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Deliberation;

/// <summary>The public verdict: the leading option, or why there is none yet.</summary>
public sealed record Verdict(FaultOption? Leader, Share? LeaderShare, string Text)
{
    /// <summary>How a clear verdict's text begins, before the leading option's name (<see cref="FaultNames"/>).</summary>
    public const string Finds = "The public finds: ";

    /// <summary>How the text begins while there is no clear verdict.</summary>
    public const string NoClearYet = DisputeLabels.NoClearVerdictYet;

    public static Verdict Of(FaultTally tally, int quorum, Func<FaultOption, string> name)
    {
        if (tally.Total < quorum)
            return new(null, null, $"{NoClearYet}{tally.Total} of the {quorum} votes needed.");
        var ranked = Enum.GetValues<FaultOption>().Select(o => (Option: o, Share: tally.ShareOf(o)))
            .OrderByDescending(x => x.Share.Count).ToList();
        var (leader, share) = ranked[0];
        if (ranked[1].Share.High >= share.Low)
            return new(null, null, $"{NoClearYet}{name(leader)} and {name(ranked[1].Option)} are too close to call.");
        return new(leader, share, $"{Finds}{name(leader)}, {share}.");
    }
}
