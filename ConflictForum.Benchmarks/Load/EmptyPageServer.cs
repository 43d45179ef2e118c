using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConflictForum.Benchmarks.Load;

/// <summary>
/// The floor under the memory figure, measured in the same run: a Blazor Web App whose one page is an empty interactive
/// server component. No layout, no MudBlazor, no database, no sign-in: what a circuit costs before a page puts anything
/// in it. Run as its own process (<see cref="Command"/>) so its memory is measured the way the forum's is.
/// </summary>
internal static class EmptyPageServer
{
    /// <summary>The benchmark program's first argument that runs this server (then <c>--urls</c>).</summary>
    public const string Command = "empty-page-server";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // The same retention the forum runs with, so the two hold the same circuits.
        builder.Services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(o => o.DisconnectedCircuitMaxRetained = 10_000);

        var app = builder.Build();
        app.UseAntiforgery();
        app.MapGet("/healthz", () => "Healthy");
        app.MapRazorComponents<EmptyApp>().AddInteractiveServerRenderMode();
        await app.RunAsync();
    }
}

/// <summary>The document: the page as the only interactive root component.</summary>
public sealed class EmptyApp : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<!DOCTYPE html><html lang=\"en\"><head><title>Empty</title></head><body>");
        builder.OpenComponent<EmptyPage>(1);
        builder.AddComponentRenderMode(RenderMode.InteractiveServer);
        builder.CloseComponent();
        builder.AddMarkupContent(2, "</body></html>");
    }
}

/// <summary>One paragraph, nothing else. Public: the router finds only public pages.</summary>
[Route("/")]
public sealed class EmptyPage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<p>An empty page.</p>");
}
