namespace ConflictForum.Platform;

public enum WriteAction
{
    Dispute,
    Reply,
    Comment,
    Vote,
    Resolution,
    Flag,
    Invitation,
    Statement,
    Answer,
}
