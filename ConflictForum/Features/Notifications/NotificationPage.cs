namespace ConflictForum.Features.Notifications;

/// <summary>A page of a member's notifications, newest first, with where the next page starts and how many are unread.</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Items, long? Before, int Unread);
