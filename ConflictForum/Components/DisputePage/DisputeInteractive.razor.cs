using ConflictForum.Features.Accounts;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Platform.LookAlikes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ConflictForum.Components.DisputePage;

public sealed partial class DisputeInteractive : IDisposable
{
    private static readonly string Frame = LookAlikeClasses.Container(MaxWidth.Large, "py-6");
    private DisputeView? view;
    private DisputeTimeline timeline = DisputeTimeline.Empty;
    private TallyView? tally;
    private IReadOnlyList<ResolutionView> resolutions = [];
    private CommentPage? comments;
    private bool loading = true;
    private int loadedId;
    private IDisposable? following;

    [Inject] private DisputeQueries Queries { get; set; } = default!;

    [Inject] private DeliberationQueries Deliberation { get; set; } = default!;

    [Inject] private DeliberationService Votes { get; set; } = default!;

    [Inject] private CurrentMember Member { get; set; } = default!;

    [Inject] private CircuitDisputeUpdates Updates { get; set; } = default!;

    [Inject] private ReaderFlags Flags { get; set; } = default!;

    /// <summary>The dispute id from the address.</summary>
    [Parameter] public int Id { get; set; }

    /// <summary>The discussion's order from the address (<c>?comments=newest</c>). Default oldest first.</summary>
    [Parameter] public CommentOrder CommentOrder { get; set; }

    /// <summary>The comment a permalink points to (<c>?comment=</c>), whose thread the discussion shows. Default null.</summary>
    [Parameter] public int? LinkedComment { get; set; }

    protected override void OnInitialized()
    {
        Member.Changed += OnStandingChangedAsync;
        // The page reads the dispute itself (and, when its status moves, every slice); the sections follow their own slices.
        if (RendererInfo.IsInteractive)
            following = Updates.Listen(DisputeChanges.Status | DisputeChanges.Statements, update => InvokeAsync(async () =>
            {
                await ReloadAsync(update.Changes.HasFlag(DisputeChanges.Status) ? DisputeChanges.All : DisputeChanges.Statements);
                StateHasChanged();
            }));
    }

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again whenever a parent re-renders; only a new address means a new dispute to load.
        // Reloading (and showing the skeleton) here for the same dispute would blank a page the reader is using.
        if (Id == loadedId) return;
        (loadedId, comments) = (Id, null);
        // Follow before loading, so nothing that changes while the page loads is missed. Only a live circuit follows: the
        // prerendered copy of the page is gone before any event could reach it.
        if (RendererInfo.IsInteractive) Updates.Follow(Id);
        loading = true;
        await Member.LoadAsync(live: RendererInfo.IsInteractive);
        await ReloadAsync(DisputeChanges.All);
        loading = false;
    }

    // A suspension or a role change of this reader shows at once: what they may do is worked out again.
    private Task OnStandingChangedAsync() => InvokeAsync(async () =>
    {
        await ReloadAsync(DisputeChanges.All);
        StateHasChanged();
    });

    /// <summary>Reads the dispute (and, for <see cref="DisputeChanges.All"/>, the slices afresh, which the sections then show).</summary>
    private async Task ReloadAsync(DisputeChanges changes)
    {
        var actor = Member.Actor;
        view = await Queries.GetAsync(Id, actor);
        if (view is null || changes != DisputeChanges.All) return;
        // Every flag button on the page asks this one read whether the reader flagged its item already.
        await Flags.LoadAsync(actor, Id);
        timeline = await Queries.PageTimelineAsync(Id, actor);
        tally = await Votes.TallyAsync(Id, actor);
        resolutions = await Deliberation.ResolutionsAsync(Id, actor);
        // Read once: the discussion keeps the threads the reader loaded, and follows status and standing itself.
        comments ??= await Deliberation.CommentsAsync(Id, actor, order: CommentOrder, including: LinkedComment);
    }

    public void Dispose()
    {
        Member.Changed -= OnStandingChangedAsync;
        following?.Dispose();
    }
}
