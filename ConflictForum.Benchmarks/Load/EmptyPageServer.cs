using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConflictForum.Benchmarks.Load;

/// <summary>
/// The floor under the memory and fan-out figures, measured in the same run: a Blazor Web App whose one page is an
/// interactive server component showing one number. No layout, no MudBlazor, no database, no sign-in: what a circuit
/// costs before a page puts anything in it, and what pushing a new number to every open page costs before a page does
/// any work of its own. Run as its own process (<see cref="Command"/>) so it is measured the way the forum is.
/// It also holds the floor under the reader streams' figures: a bare event-stream endpoint (<see cref="StreamPath"/>) that
/// writes one fragment, encoded once, to every open stream (<see cref="FragmentPath"/>); a run uses one or the other.
/// </summary>
internal static class EmptyPageServer
{
    /// <summary>The benchmark program's first argument that runs this server (then <c>--urls</c>).</summary>
    public const string Command = "empty-page-server";

    /// <summary>POST here: every open page shows the next number. Answers with the new number.</summary>
    public const string ChangePath = "/change";

    /// <summary>GET here: a <c>text/event-stream</c> that receives every fragment from now on.</summary>
    public const string StreamPath = "/live";

    /// <summary>POST here: every open stream receives the next fragment. Answers with its id.</summary>
    public const string FragmentPath = "/fragment";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // The same retention the forum runs with, so the two hold the same circuits.
        builder.Services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(o => o.DisconnectedCircuitMaxRetained = 10_000);
        builder.Services.AddSingleton<Broadcast>();
        builder.Services.AddSingleton<Fragments>();

        var app = builder.Build();
        app.UseAntiforgery();
        app.MapGet("/healthz", () => "Healthy");
        app.MapPost(ChangePath, (Broadcast broadcast) => broadcast.Change()).DisableAntiforgery();
        app.MapGet(StreamPath, (HttpContext context, Fragments fragments) => fragments.StreamAsync(context));
        app.MapPost(FragmentPath, (Fragments fragments) => fragments.Send()).DisableAntiforgery();
        app.MapRazorComponents<EmptyApp>().AddInteractiveServerRenderMode();
        await app.RunAsync();
    }
}

/// <summary>A number every open page shows, and the pages to tell when it changes.</summary>
public sealed class Broadcast
{
    private ImmutableArray<Func<Task>> pages = [];
    private int number;

    public int Number => Volatile.Read(ref number);

    public IDisposable Subscribe(Func<Task> page)
    {
        ImmutableInterlocked.Update(ref pages, list => list.Add(page));
        return new Unsubscribe(() => ImmutableInterlocked.Update(ref pages, list => list.Remove(page)));
    }

    /// <summary>The least a live page can do: each page re-renders on its own circuit, spread over the thread pool.</summary>
    public int Change()
    {
        var next = Interlocked.Increment(ref number);
        foreach (var page in pages) _ = Task.Run(page);
        return next;
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

/// <summary>
/// The least a live event stream can be in ASP.NET Core: each open stream waits on the one task of the next fragment,
/// shared by all, and writes the fragment's bytes, encoded once. No heartbeat, no caps, no rendering.
/// </summary>
public sealed class Fragments
{
    /// <summary>About what a vote changes on a reader's page: the fault panel's HTML, in the forum's message format.</summary>
    private static readonly string Region =
        "<div class=\"mud-paper mud-elevation-1 pa-4\"><h2 class=\"mud-typography mud-typography-h6\">Who is at fault?</h2>"
        + string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"<p class=\"mud-typography mud-typography-body2\">Option {i}: votes are hidden until voting closes.</p>"))
        + "</div>";

    private readonly Lock gate = new();
    private Fragment latest = new(0, []);

    public async Task StreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = context.RequestAborted;
        var next = Volatile.Read(ref latest).Next;
        try
        {
            await context.Response.Body.FlushAsync(aborted);
            while (true)
            {
                var fragment = await next.WaitAsync(aborted);
                await context.Response.BodyWriter.WriteAsync(fragment.Bytes, aborted);
                next = fragment.Next;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client left.
        }
    }

    public int Send()
    {
        lock (gate)
        {
            var id = latest.Id + 1;
            var bytes = System.Text.Encoding.UTF8.GetBytes(
                $"id: {id}\nevent: regions\ndata: "
                + $"{System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["fault"] = Region })}\n\n");
            var fragment = new Fragment(id, bytes);
            latest.Followed(fragment);
            latest = fragment;
            return id;
        }
    }

    private sealed class Fragment(int id, byte[] bytes)
    {
        private readonly TaskCompletionSource<Fragment> next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Id => id;

        public byte[] Bytes => bytes;

        public Task<Fragment> Next => next.Task;

        public void Followed(Fragment fragment) => next.TrySetResult(fragment);
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

/// <summary>One paragraph and the broadcast number, nothing else. Public: the router finds only public pages.</summary>
[Route("/")]
public sealed class EmptyPage : ComponentBase, IDisposable
{
    private IDisposable? subscription;

    [Inject] private Broadcast Broadcast { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive) subscription = Broadcast.Subscribe(() => InvokeAsync(StateHasChanged));
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<p>An empty page.</p>");
        builder.OpenElement(1, "p");
        builder.AddContent(2, $"Change {Broadcast.Number}");
        builder.CloseElement();
    }

    public void Dispose() => subscription?.Dispose();
}
