using ConflictForum.Features.Content;
using ConflictForum.Data;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

public sealed record StatementView(int Id, PartyRole Role, string AuthorId, string AuthorName, int Revision, string Html, string Source, DateTime PostedAt, DateTime UpdatedAt,
    HiddenNotice? Hidden = null)
{
    public bool Edited => Revision > 1;
}
