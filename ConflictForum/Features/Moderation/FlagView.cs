using ConflictForum.Features.Content;
using System.Net;
using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Moderation;

public sealed record FlagView(string FlaggerName, FlagReason Reason, string? Note, DateTime At);
