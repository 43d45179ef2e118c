using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace ConflictForum.Platform;

/// <summary>
/// Renders components to HTML once, for every open page that shows them the same way (what readers who are not signed in
/// see is the same for all of them): one string, sent as is to thousands of pages. Blazor's <see cref="HtmlRenderer"/>
/// renders it, encoding text and attributes exactly as it does for a page, so stored HTML still reaches the page only
/// through <c>Markdown</c>.
/// </summary>
/// <remarks>The render is static: only components with nothing interactive for that reader may be rendered here.</remarks>
public sealed class SharedMarkup(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private const string DrawingBase = "http://localhost/";

    /// <returns>The HTML of <typeparamref name="TComponent"/> rendered with each set of parameters, in order, by one renderer.</returns>
    public async Task<string[]> RenderAsync<TComponent>(IReadOnlyList<IDictionary<string, object?>> parameterSets)
        where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        // A component may take services that need the page's address (MudBlazor's snackbar listens for navigation). The
        // rendering is static and its links relative to the page's <base href>, so no address is rendered from this one.
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            navigation.Initialize(DrawingBase, DrawingBase);
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = new string[parameterSets.Count];
            for (var i = 0; i < html.Length; i++)
                html[i] = (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameterSets[i]))).ToHtmlString();
            return html;
        });
    }
}
