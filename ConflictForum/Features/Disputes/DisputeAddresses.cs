namespace ConflictForum.Features.Disputes;

/// <summary>
/// The addresses of the pages that show disputes and their people, named once: each page takes its route from here, and
/// every link is built here. They live in the Disputes feature rather than on the pages because the dispute's page composes
/// every feature (it sits in the shell) while every feature links to it. Links are relative to the site's base.
/// </summary>
public static class DisputeAddresses
{
    public const string DisputeRoute = "/disputes/{Id:int}";
    public const string StatementHistoryRoute = "/disputes/{Id:int}/statements/{RoleName}";
    public const string MemberRoute = "/members/{UserId}";
    public const string InvitationRoute = "/invitations/{Token}";

    /// <summary>The list of disputes against an organisation (by its slug), with one outcome or any.</summary>
    public static string AgainstUrl(string organisation, DisputeOutcome? outcome = null) =>
        $"disputes?organisation={Uri.EscapeDataString(organisation)}{(outcome is { } o ? $"&outcome={o}" : "")}";

    /// <summary>The dispute's page.</summary>
    public static string DisputeUrl(int id) => $"disputes/{id}";

    /// <summary>The parts of a dispute's page a link can point to: each is the id of its panel.</summary>
    public const string StatementsPart = "statements";

    /// <inheritdoc cref="StatementsPart"/>
    public const string OffersPart = "offers";

    /// <inheritdoc cref="StatementsPart"/>
    public const string MediationPart = "mediation";

    /// <inheritdoc cref="StatementsPart"/>
    public const string SettlementPart = "settlement";

    /// <summary>A part of the dispute's page (<see cref="OffersPart"/>, ...).</summary>
    public static string PartUrl(int id, string part) => $"{DisputeUrl(id)}#{part}";

    /// <summary>The page for a reader without a circuit, with <paramref name="pages"/> pages of the discussion open.</summary>
    public static string CommentsUrl(int id, int pages) => $"{DisputeUrl(id)}?comments={pages}#comments";

    /// <summary>
    /// The page with the discussion in an order (its name in the address, such as <c>newest</c>) and <paramref name="pages"/>
    /// pages of it open; the first order, <c>oldest</c>, keeps the address <see cref="CommentsUrl(int, int)"/> gives.
    /// </summary>
    public static string CommentsUrl(int id, string order, int pages = 1) =>
        order == "oldest" && pages > 1 ? CommentsUrl(id, pages)
        : $"{DisputeUrl(id)}?comments={Uri.EscapeDataString(order)}{(pages > 1 ? $"&pages={pages}" : "")}#comments";

    /// <summary>
    /// One comment's permalink: the address names it, so the page shows its thread wherever it falls in the discussion,
    /// and the fragment scrolls to it.
    /// </summary>
    public static string CommentUrl(int id, int commentId) => $"{DisputeUrl(id)}?comment={commentId}#{CommentAnchor(commentId)}";

    /// <summary>The id of a comment's element on the dispute's page.</summary>
    public static string CommentAnchor(int commentId) => $"comment-{commentId}";

    /// <summary>The page for a reader without a circuit, with the record checked.</summary>
    public static string VerifyUrl(int id) => $"{DisputeUrl(id)}?verify=1#record";

    /// <summary>A party's statement history; <paramref name="role"/> as the address spells it (claimant, respondent).</summary>
    public static string StatementUrl(int disputeId, string role) => $"disputes/{disputeId}/statements/{role.ToLowerInvariant()}";

    /// <summary>One version in a party's statement history.</summary>
    public static string VersionUrl(int disputeId, string role, string version) => $"{StatementUrl(disputeId, role)}#version-{version}";

    /// <summary>A member's public page.</summary>
    public static string MemberUrl(string? userId) => $"members/{userId}";

    /// <summary>Where an invitation link points; mailed and shown on the configured public address.</summary>
    public static string InvitationUrl(string token) => $"invitations/{token}";
}
