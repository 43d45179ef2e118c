using ConflictForum.Features.Content;

namespace ConflictForum.Features.Disputes;

/// <summary>A statement as the dispute's page shows it: its HTML, not its Markdown source, which only its author's editor reads
/// (<see cref="DisputeQueries.StatementSourceAsync"/>), so an open page holds only what it shows.</summary>
public sealed record StatementView(int Id, PartyRole Role, string AuthorId, string AuthorName, int Revision, string Html,
    DateTime PostedAt, DateTime UpdatedAt, HiddenNotice? Hidden = null)
{
    public bool Edited => Revision > 1;
}
