using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;

namespace ConflictForum.Features.Moderation;

/// <summary>How a moderation action reads, the same on the public log and on the dispute's timeline.</summary>
public static class ModerationText
{
    public static string Summary(ModerationLogEntry e)
    {
        var moderator = e.ModeratorId is null ? "ConflictForum" : $"{e.ModeratorName} (moderator)";
        var target = e.TargetName ?? "a member";
        var item = e.Kind switch
        {
            ContentKind.Organisation => $"an organisation registered by {target}",
            { } kind => $"a {ContentKinds.Name(kind)} by {target}",
            null => target,
        };
        var text = e.Action switch
        {
            ModerationAction.AutoHidden => $"{Capitalized(item)} was hidden until a moderator reviews it, after members flagged it.",
            ModerationAction.Hidden => $"{moderator} hid {item}: {e.Reason}",
            ModerationAction.Unhidden => $"{moderator} restored {item}: {e.Reason}",
            ModerationAction.FlagsDismissed => $"{moderator} reviewed the flags on {item} and kept it: {e.Reason}",
            ModerationAction.CommentsLocked => $"{moderator} locked the comments: {e.Reason}",
            ModerationAction.CommentsUnlocked => $"{moderator} unlocked the comments: {e.Reason}",
            // Never the note, even on entries logged with one: it is for moderators and the author only.
            ModerationAction.Appealed =>
                $"{e.ModeratorName} appealed the hiding of their {ContentKinds.Name(e.Kind ?? ContentKind.Comment)}; "
                + "another moderator will decide.",
            ModerationAction.AppealGranted => $"{moderator} granted the appeal and restored {item}: {e.Reason}",
            ModerationAction.AppealRefused => $"{moderator} refused the appeal on {item}, which stays hidden: {e.Reason}",
            ModerationAction.Suspended => $"{moderator} suspended {target}. {e.Reason}",
            ModerationAction.SuspensionLifted => $"{moderator} lifted the suspension of {target}: {e.Reason}",
            ModerationAction.VotesRemoved => $"{moderator} removed the votes of {target} ({e.Reason})",
            ModerationAction.RoleGranted => $"{e.ModeratorName} (admin) made {target} {Article(e.Reason)}.",
            _ => $"{e.ModeratorName} (admin) revoked the {e.Reason.ToLowerInvariant()} role of {target}.",
        };
        return text.Length <= 500 ? text : text[..499] + "…";
    }

    public static string Action(ModerationAction action) => action switch
    {
        ModerationAction.AutoHidden => "Hidden by flags",
        ModerationAction.Hidden => "Hidden",
        ModerationAction.Unhidden => "Restored",
        ModerationAction.FlagsDismissed => "Flags dismissed",
        ModerationAction.CommentsLocked => "Comments locked",
        ModerationAction.CommentsUnlocked => "Comments unlocked",
        ModerationAction.Appealed => "Appealed",
        ModerationAction.AppealGranted => "Appeal granted",
        ModerationAction.AppealRefused => "Appeal refused",
        ModerationAction.Suspended => "Suspended",
        ModerationAction.SuspensionLifted => "Suspension lifted",
        ModerationAction.VotesRemoved => "Votes removed",
        ModerationAction.RoleGranted => "Role granted",
        _ => "Role revoked",
    };

    private static string Article(string role) => role == ForumRoles.Admin ? "an admin" : "a moderator";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
