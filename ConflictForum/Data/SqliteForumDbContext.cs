using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Data;

public sealed class SqliteForumDbContext(DbContextOptions<SqliteForumDbContext> options) : ForumDbContext(options);
