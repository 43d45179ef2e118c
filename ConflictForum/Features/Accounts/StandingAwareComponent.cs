using ConflictForum.Platform;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// A component that shows what its reader may do, and follows their standing live: when a moderator suspends them or an
/// admin changes their roles, <see cref="Actor"/> is re-read and <see cref="OnStandingChangedAsync"/> runs, on this open circuit.
/// </summary>
public abstract class StandingAwareComponent : ComponentBase, IDisposable
{
    private IDisposable? standing;
    private string? watched;

    [Inject] private ForumActors Actors { get; set; } = default!;

    [Inject] private IDisputeEvents Events { get; set; } = default!;

    /// <summary>The reader as the database says now (anonymous until loaded).</summary>
    protected ForumActor Actor { get; private set; } = ForumActor.Anonymous;

    /// <summary>Re-reads the reader and, on a live circuit, listens for changes of their standing.</summary>
    protected async Task LoadActorAsync()
    {
        Actor = await Actors.CurrentAsync();
        if (!RendererInfo.IsInteractive || Actor.UserId == watched) return;
        standing?.Dispose();
        watched = Actor.UserId;
        standing = watched is null ? null : Events.Subscribe(watched, _ => InvokeAsync(async () =>
        {
            Actor = await Actors.CurrentAsync();
            await OnStandingChangedAsync();
            StateHasChanged();
        }));
    }

    /// <summary>Runs after the reader's standing changed and <see cref="Actor"/> was re-read. Default: nothing more.</summary>
    protected virtual Task OnStandingChangedAsync() => Task.CompletedTask;

    public void Dispose()
    {
        standing?.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
