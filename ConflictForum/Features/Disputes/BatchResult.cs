using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

/// <summary>What a batch of writes on one dispute came to (<see cref="DisputeWriter.CommitBatchAsync"/>).</summary>
public abstract record BatchResult
{
    private BatchResult()
    {
    }

    /// <summary>The batch was committed: each write's own outcome, in order (a refusal refused only its own write).</summary>
    public sealed record Committed(Outcome[] Outcomes) : BatchResult;

    /// <summary>A database constraint failed somewhere in the batch and nothing was saved.</summary>
    public sealed record RolledBack : BatchResult;
}
