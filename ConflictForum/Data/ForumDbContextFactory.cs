using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Data;

/// <summary>Exposes the configured provider's factory as the provider-neutral one (the interface is not covariant).</summary>
internal sealed class ForumDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ForumDbContext>
    where TContext : ForumDbContext
{
    public ForumDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<ForumDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
