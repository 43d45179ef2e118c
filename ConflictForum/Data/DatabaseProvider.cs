namespace ConflictForum.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
