namespace ConflictForum.Features.Moderation;

/// <summary>The refusals of flags, moderation and appeals, named so tests and callers refer to them, not to their wording.</summary>
public static class ModerationRefusals
{
    public const string OwnWords = "You wrote this, so you cannot flag it.";

    public const string AlreadyFlagged = "You already flagged this. Moderators will review it.";

    public const string ModeratorsOnly = "Only moderators do this.";

    public const string PartyToDispute = "Moderators do not moderate disputes they are a party to.";

    public const string OwnOrganisation = "Its members do not flag their own organisation; its owner can appeal if it is hidden.";

    public const string MemberOfOrganisation = "Moderators do not moderate an organisation they act for.";

    public const string OwnContent = "Moderators do not moderate what they wrote.";

    public const string OnlyAuthorAppeals = "Only the author appeals the hiding of their words.";

    public const string AppealedOnce = "An item can be appealed once, and this one was.";

    public const string OwnHide = "You hid this item, so another moderator decides the appeal.";

    public const string AppealWaiting = "An appeal is waiting on this item: decide the appeal instead.";

    public const string OnlyAdminsManageRoles = "Only admins grant and revoke roles.";

    public const string OwnAdminRole = "Admins do not revoke their own admin role: ask another admin.";
}
