namespace ConflictForum.Features.Deliberation;

public static class Ranking
{
    /// <summary>Lower bound of the 95% Wilson interval of support: a 9-of-10 proposal outranks a 2-of-2 one.</summary>
    public static double Score(int support, int oppose) => Share.Of(support, support + oppose).Low;
}
