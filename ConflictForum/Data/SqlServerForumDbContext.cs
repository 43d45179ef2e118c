using ConflictForum.Features.Content;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Data;

public sealed class SqlServerForumDbContext(DbContextOptions<SqlServerForumDbContext> options) : ForumDbContext(options);
