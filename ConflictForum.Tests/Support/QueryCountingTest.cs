using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Support;

/// <summary>A test on an app whose database reads <see cref="Counter"/> can count.</summary>
public abstract class QueryCountingTest() : ForumAppTest(new ForumAppFactory(services: s => s.AddSingleton<IInterceptor>(Counter)))
{
    /// <summary>Shared by every such app: it counts in the flow of its own <c>CountAsync</c> only.</summary>
    protected static readonly QueryCounter Counter = new();
}
