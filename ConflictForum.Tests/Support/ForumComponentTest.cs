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
        Services.AddScoped<ConflictForum.Platform.ReaderTimeZone>();
        Services.AddSingleton<ConflictForum.Platform.WrittenMarkup>();
        // Drafts go through bUnit's JavaScript and signed-in state, never the app's (which has no circuit to answer).
        Services.AddScoped<ConflictForum.Platform.BrowserDrafts>();
    }

    /// <summary>The links and buttons that read <paramref name="text"/>, as a person finds them.</summary>
    protected static List<AngleSharp.Dom.IElement> Buttons<T>(IRenderedComponent<T> cut, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. cut.FindAll("a, button").Where(e => e.TextContent.Trim() == text)];

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
