namespace ConflictForum.Platform;

/// <summary>A member was notified, or read their notifications: their bell shows the new unread count.</summary>
public sealed record InboxChanged(string UserId);
