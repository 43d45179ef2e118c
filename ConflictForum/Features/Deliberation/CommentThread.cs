using ConflictForum.Features.Content;
using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Deliberation;

public sealed record CommentThread(CommentView Comment, IReadOnlyList<CommentView> Replies);
