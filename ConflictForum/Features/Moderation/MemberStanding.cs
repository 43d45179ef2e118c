using ConflictForum.Features.Content;
using System.Net;
using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Moderation;

public sealed record MemberStanding(string UserId, string DisplayName, bool IsModerator, bool IsAdmin, DateTime? SuspendedUntil, string? SuspensionReason);
