using ConflictForum.Features.Content;
using ConflictForum.Data;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

public enum DisputeSort
{
    Newest,
    MostActive,
    ClosingSoon,
}
