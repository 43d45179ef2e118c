using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Data;

public sealed class SqlServerForumDbContext(DbContextOptions<SqlServerForumDbContext> options) : ForumDbContext(options);
