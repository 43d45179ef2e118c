namespace ConflictForum.Features.Disputes;

/// <summary>What a claimant gets back on opening a dispute: its id and the invitation token, shown once.</summary>
/// <param name="Mailed">Whether the invitation e-mail went out (false when no address was given or delivery failed).</param>
public sealed record OpenedDispute(int DisputeId, string InvitationToken, bool Mailed);
