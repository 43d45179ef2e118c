namespace ConflictForum.Features.Disputes;

/// <param name="SentTo">
/// The address the link was mailed to, masked ("j***@example.com"): only that member may accept. Null when the link is open to
/// anyone who holds it.
/// </param>
public sealed record InvitationPreview(int DisputeId, string Title, string Summary, string ClaimantName, string RespondentName,
    DateTime ExpiresAt, string? SentTo = null);
