namespace ConflictForum.Platform;

/// <summary>A member's standing changed (suspended, reinstated, a role granted or revoked): their open pages re-read it.</summary>
public sealed record StandingChanged(string UserId);
