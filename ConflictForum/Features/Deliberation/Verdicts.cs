using System.Globalization;
using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Deliberation;

/// <summary>A share with its 95% Wilson score interval: honest about how little a handful of votes says.</summary>
public readonly record struct Share(int Count, int Total, double Low, double High)
{
    public double Value => Total == 0 ? 0 : (double)Count / Total;

    public static Share Of(int count, int total)
    {
        if (total == 0) return new(0, 0, 0, 0);
        const double z = 1.959963984540054;
        double n = total, p = count / n, z2 = z * z;
        var centre = p + z2 / (2 * n);
        var margin = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        var denominator = 1 + z2 / n;
        return new(count, total, Math.Max(0, (centre - margin) / denominator), Math.Min(1, (centre + margin) / denominator));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Value * 100:0}% (95% interval {Low * 100:0}%–{High * 100:0}%)");
}

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

    public static FaultTally Of(Dispute d) => new(d.ClaimantAtFaultVotes, d.RespondentAtFaultVotes, d.BothAtFaultVotes, d.NeitherAtFaultVotes);

    public Share ShareOf(FaultOption option) => Share.Of(this[option], Total);
}

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

public static class Ranking
{
    /// <summary>Lower bound of the 95% Wilson interval of support: a 9-of-10 proposal outranks a 2-of-2 one.</summary>
    public static double Score(int support, int oppose) => Share.Of(support, support + oppose).Low;
}
