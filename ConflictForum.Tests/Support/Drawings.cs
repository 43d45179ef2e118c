using Bunit;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Tests.Support;

/// <summary>Reads what a shared drawing (PublicTimeline, PublicComments) puts on a page.</summary>
internal static class Drawings
{
    public static string Html(RenderFragment drawing)
    {
        using var page = new BunitContext();
        return page.Render(drawing).Markup;
    }
}
