using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace ConflictForum.Platform;

/// <summary>
/// Draws a component to HTML once, for every open page that would draw it the same way (what readers who are not signed
/// in see is the same for all of them): one string shared by thousands of circuits, where each would otherwise hold its
/// own render tree and its own copy of the data. Blazor's <see cref="HtmlRenderer"/> draws it, encoding text and
/// attributes exactly as it does for a page, so stored HTML still reaches the page only through <c>Markdown</c>.
/// </summary>
/// <remarks>
/// The drawing is static: only components with nothing interactive for that reader may be drawn here. With
/// <c>Markdown.razor</c>, the only place that turns a string into markup (a test holds both to it).
/// </remarks>
public sealed class SharedMarkup(IServiceScopeFactory scopes, ILoggerFactory loggers, TimeProvider clock)
{
    private const string DrawingBase = "http://localhost/";

    /// <summary>
    /// How long a drawing kept in <see cref="SharedReads{TKey, T}"/> may serve pages that open: it shows members' names,
    /// which can change without the dispute's version moving.
    /// </summary>
    public static readonly TimeSpan ServesFor = TimeSpan.FromMinutes(1);

    /// <summary>Where a feature keeps its drawings, one per dispute: each serves at least as new as asked, for <see cref="ServesFor"/>.</summary>
    /// <param name="versionOf">The version of the dispute a drawing was drawn at.</param>
    public SharedReads<int, TDrawing> KeptDrawings<TDrawing>(Func<TDrawing, int> versionOf) where TDrawing : class =>
        new(versionOf, ServesFor, clock);

    /// <returns>The component's HTML, as a fragment any page can show.</returns>
    public async Task<RenderFragment> DrawAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        // A component may take services that need the page's address (MudBlazor's snackbar listens for navigation). The
        // drawing is static and its links relative to the page's <base href>, so no address is drawn from this one.
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            navigation.Initialize(DrawingBase, DrawingBase);
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return builder => builder.AddMarkupContent(0, html);
    }
}
