using ConflictForum.Platform;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Features.Disputes.Components;

/// <summary>
/// Both parties' statement panels for readers who are not signed in, drawn once per version of the dispute and shared by
/// all of their open pages (<see cref="SharedReads{TKey, T}"/> of a <see cref="SharedMarkup"/> drawing): a statement can
/// run to 20,000 characters, and each open page would otherwise hold its own copy of both and their render trees. Nothing
/// in them is interactive for such a reader: no edit or flag buttons, hidden statements only as notices.
/// </summary>
public sealed class PublicStatements(IServiceScopeFactory scopes, SharedMarkup markup)
{
    private readonly SharedReads<int, Drawing> drawings = markup.KeptDrawings<Drawing>(drawing => drawing.Version);

    /// <param name="atLeastVersion">The version of the dispute the page has read, or its change event carried.</param>
    /// <returns>Both panels drawn at that version or later; null when the dispute does not exist.</returns>
    public Task<Drawing?> GetAsync(int disputeId, int atLeastVersion, CancellationToken ct = default) =>
        drawings.GetAsync(disputeId, atLeastVersion, DrawAsync, ct);

    private async Task<Drawing?> DrawAsync(int disputeId)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<DisputeQueries>().GetAsync(disputeId, ForumActor.Anonymous) is not { } view) return null;
        Task<RenderFragment> PanelAsync(PartyRole role) => markup.DrawAsync<StatementPanel>(new Dictionary<string, object?>
        {
            [nameof(StatementPanel.DisputeId)] = disputeId,
            [nameof(StatementPanel.Role)] = role,
            [nameof(StatementPanel.PartyName)] = view.PartyNameOf(role),
            [nameof(StatementPanel.Statement)] = view.StatementOf(role),
            [nameof(StatementPanel.EmptyText)] = DisputeLabels.NoStatement(view.Dispute, role),
        });
        return new Drawing(view.Dispute.Version, await PanelAsync(PartyRole.Claimant), await PanelAsync(PartyRole.Respondent));
    }

    public sealed record Drawing(int Version, RenderFragment Claimant, RenderFragment Respondent)
    {
        public RenderFragment Of(PartyRole role) => role == PartyRole.Claimant ? Claimant : Respondent;
    }
}
