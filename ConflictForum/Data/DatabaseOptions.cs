using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Which database the forum runs on. Default <see cref="DatabaseProvider.Sqlite"/>.</summary>
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Milliseconds a SQLite writer waits for the lock before giving up. Default 5,000.</summary>
    [Range(0, 60_000)]
    public int SqliteBusyTimeoutMs { get; set; } = 5_000;
}
