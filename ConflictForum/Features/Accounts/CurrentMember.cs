using ConflictForum.Platform;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// The reader of this circuit (or request) and their standing, for what a page shows them. On a live circuit it follows
/// their standing: when a moderator suspends them or an admin changes their roles, <see cref="Actor"/> is re-read and
/// <see cref="Changed"/> runs. Writes never trust it: each re-reads the actor from the database.
/// </summary>
public sealed class CurrentMember(ForumActors actors, IDisputeEvents events) : IDisposable
{
    private readonly Lock gate = new();
    private IDisposable? standing;
    private string? watched;
    private bool disposed;

    /// <summary>The reader as the database said at the last <see cref="LoadAsync"/> or standing change (anonymous until loaded).</summary>
    public ForumActor Actor { get; private set; } = ForumActor.Anonymous;

    /// <summary>
    /// Raised, off the components' dispatcher, after the reader's standing changed and <see cref="Actor"/> was re-read.
    /// A component re-enters its own dispatcher (<c>InvokeAsync</c>) to show it.
    /// </summary>
    public event Func<Task>? Changed;

    /// <summary>Re-reads the reader and, when <paramref name="live"/> (an interactive circuit), follows their standing.</summary>
    public async Task<ForumActor> LoadAsync(bool live)
    {
        Actor = await actors.CurrentAsync();
        if (live) Follow(Actor.UserId);
        return Actor;
    }

    private void Follow(string? userId)
    {
        lock (gate)
        {
            if (disposed || userId == watched) return;
            standing?.Dispose();
            watched = userId;
            standing = userId is null ? null : events.Subscribe(userId, _ => OnStandingChangedAsync());
        }
    }

    private async Task OnStandingChangedAsync()
    {
        Actor = await actors.CurrentAsync();
        if (Changed is { } changed)
            await Task.WhenAll(changed.GetInvocationList().Cast<Func<Task>>().Select(handler => handler()));
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            standing?.Dispose();
            standing = null;
        }
    }
}
