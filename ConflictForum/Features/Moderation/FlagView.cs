namespace ConflictForum.Features.Moderation;

public sealed record FlagView(string FlaggerName, FlagReason Reason, string? Note, DateTime At);
