namespace ConflictForum.Platform;

public enum OutcomeKind
{
    Ok,
    Invalid,
    Refused,
    NotFound,
}
