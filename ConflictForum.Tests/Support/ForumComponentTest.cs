using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ConflictForum.Tests.Support;

/// <summary>
/// bUnit base: MudBlazor's services, loose JS interop. MudBlazor registers services that only dispose
/// asynchronously, and xunit v2 calls Dispose(), so the context is disposed through IAsyncLifetime first.
/// </summary>
public abstract class ForumComponentTest : BunitContext, IAsyncLifetime
{
    protected ForumComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
