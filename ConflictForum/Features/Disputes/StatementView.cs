using ConflictForum.Features.Content;

namespace ConflictForum.Features.Disputes;

public sealed record StatementView(int Id, PartyRole Role, string AuthorId, string AuthorName, int Revision, string Html, string Source,
    DateTime PostedAt, DateTime UpdatedAt, HiddenNotice? Hidden = null)
{
    public bool Edited => Revision > 1;
}
