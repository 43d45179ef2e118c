using Microsoft.Playwright;

namespace ConflictForum.Tests.Support;

/// <summary>Opening a page of <see cref="DemoSite"/> and showing it in one theme at one width, settled, for a check.</summary>
public static class SitePages
{
    /// <summary>A fresh browser context at the site: no motion to wait for, and a desktop's window to start.</summary>
    public static Task<IBrowserContext> NewContextAsync(BrowserFixture browser, DemoSite site) =>
        browser.Browser.NewContextAsync(new()
        {
            BaseURL = site.App.RootUri.ToString(),
            ViewportSize = new() { Width = 1440, Height = 900 },
            ReducedMotion = ReducedMotion.Reduce,
        });

    /// <summary>Goes to <paramref name="path"/> and, when the page has an interactive part, waits until its circuit is up.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true } || path == "/not-found", $"{path} answered {response?.Status}");
        // A part prerendered for a circuit carries Blazor's marker; checking it before then would check what is replaced.
        if ((await page.ContentAsync()).Contains("Blazor:{\"type\":\"server\"", StringComparison.Ordinal))
            await Assertions.Expect(page.Locator("[data-interactive]").First).ToBeAttachedAsync();
    }

    /// <summary>The page in <paramref name="theme"/> (light or dark) at <paramref name="width"/> px, once nothing moves.</summary>
    public static async Task ViewAsync(IPage page, string theme, int width)
    {
        await page.EvaluateAsync("theme => window.conflictForum.rememberTheme(theme)", theme);
        if (page.ViewportSize?.Width != width) await page.SetViewportSizeAsync(width, 900);
        // The notice that a reader's page is not live waits 8 s before it shows; it is the one motion not waited for.
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.animationName === 'cf-live-appear')");
    }

    /// <summary>
    /// Script: null when the page is no wider than the window; else how wide it is and the element reaching furthest right
    /// that no box within the window clips (a code block or table scrolling in its box is fine; the page scrolling is not),
    /// the innermost of equals: the one holding the words that would not break.
    /// </summary>
    public const string Overflow = """
        () => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width) return null;
          const clipped = el => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
              if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 0.5) return true;
            return false;
          };
          let widest = null, right = width;
          for (const el of document.body.querySelectorAll('*')) {
            // An element's words can run out of its box (a word that does not break): count how far they reach.
            const box = el.getBoundingClientRect();
            const reach = getComputedStyle(el).overflowX === 'visible' ? Math.max(box.right, box.left + el.scrollWidth) : box.right;
            if (reach >= right && reach > width + 0.5 && !clipped(el)) { widest = el; right = reach; }
          }
          const name = el => `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
            + `${typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : ''}>`
            + ` "${(el.textContent || '').trim().slice(0, 60)}"`;
          return `${document.documentElement.scrollWidth} px wide; widest: ${widest ? name(widest) : 'none found'}`
            + ` reaching ${Math.round(right)} px`;
        }
        """;
}
