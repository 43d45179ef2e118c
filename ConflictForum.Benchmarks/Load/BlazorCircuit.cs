using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Benchmarks.Load;

/// <summary>Receives one render batch of a <see cref="BlazorCircuit"/>.</summary>
/// <param name="batch">The batch as the server sent it. Valid only during the call: copy what must outlive it.</param>
/// <param name="receivedTimestamp">When the batch arrived, in <see cref="Stopwatch.GetTimestamp"/> ticks.</param>
public delegate void RenderBatchCallback(ReadOnlyMemory<byte> batch, long receivedTimestamp);

/// <summary>
/// One open interactive page, held the way blazor.web.js (.NET 10) holds it but without a browser: the page is fetched
/// over HTTP, its prerendered server components are made interactive over a real circuit on <c>/_blazor</c>, every
/// render batch is acknowledged and every JavaScript interop call is answered as a function that did nothing.
/// Built for load: it keeps counters, not batches, and hands each batch to <see cref="OnBatch"/> as it arrives.
/// </summary>
/// <remarks>
/// The exchange follows blazor.web.js 10.0 (Boot.Server.Common.ts, CircuitManager.ts, WebRootComponentManager.ts,
/// ComponentDescriptorDiscovery.ts) and the server it talks to (ComponentHub, CircuitHost, RemoteJSRuntime):
/// <list type="number">
/// <item>GET the page; read its <c>&lt;!--Blazor:{...}--&gt;</c> server component markers, its
/// <c>&lt;!--Blazor-Server-Component-State:...--&gt;</c> persisted state and its <c>&lt;base href&gt;</c>.</item>
/// <item>Connect to <c>_blazor</c> (relative to the base address) over WebSockets with the MessagePack hub protocol
/// under the name <c>blazorpack</c>, the only protocol the hub accepts.</item>
/// <item><c>StartCircuit(baseUri, locationHref, "[]", state)</c> returns the circuit secret; a web app passes no
/// components there but adds them all with <c>UpdateRootComponents(operationsJson, state)</c>.</item>
/// <item>Acknowledge each <c>JS.RenderBatch</c> with <c>OnRenderCompleted(batchId, null)</c>; answer each
/// <c>JS.BeginInvokeJS</c> with <c>EndInvokeJSFromDotNet(asyncHandle, succeeded, "[asyncHandle,succeeded,result]")</c>.</item>
/// </list>
/// A dropped connection is resumed with <c>ConnectCircuit(secret)</c> while the server still holds the circuit.
/// </remarks>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    // JSCallResultType (Microsoft.JSInterop): what the caller in .NET expects back from a JS call.
    private const int JSObjectReferenceResult = 1;
    private const int JSStreamReferenceResult = 2;

    // The page's first (and, for this client, only) batch of root component operations: WebRootComponentManager counts from 1.
    private const long AddOperationsBatchId = 1;

    /// <summary>One protocol instance for every circuit: it is stateless.</summary>
    private static readonly IHubProtocol Protocol = new BlazorPackHubProtocol();

    /// <summary>Re-serializes the markers as JSON.stringify would: no escaping of '+' and the like.</summary>
    private static readonly JsonSerializerOptions OperationsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient http;
    private readonly CookieContainer? cookies;
    private readonly Uri baseUri;
    private readonly Lock waitersLock = new();
    private readonly List<TextWaiter> waiters = [];
    private readonly TaskCompletionSource rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection connection;
    private string? secret;
    // The server numbers render batches from 2 (RemoteRenderer); only its receive loop touches this.
    private long nextBatchId = 2;
    private int batchCount;
    private long lastBatchTimestamp;
    private string? error;

    private BlazorCircuit(HttpClient http, CookieContainer? cookies, Uri baseUri)
    {
        this.http = http;
        this.cookies = cookies;
        this.baseUri = baseUri;
        connection = CreateConnection();
    }

    /// <summary>Called with each new render batch, on the connection's receive loop: keep it short.</summary>
    /// <remarks>Batches the server re-sends after a reconnection are acknowledged again but not reported twice.</remarks>
    public RenderBatchCallback? OnBatch { get; set; }

    /// <summary>How many render batches the circuit has received (re-sent ones not counted).</summary>
    public int BatchCount => Volatile.Read(ref batchCount);

    /// <summary>When the latest render batch arrived, in <see cref="Stopwatch.GetTimestamp"/> ticks.</summary>
    public long LastBatchTimestamp => Interlocked.Read(ref lastBatchTimestamp);

    /// <summary>The error the server reported with <c>JS.Error</c>, after which the circuit is dead; null while it is well.</summary>
    public string? Error => Volatile.Read(ref error);

    /// <summary>Whether the SignalR connection is currently up.</summary>
    public bool IsConnected => connection.State == HubConnectionState.Connected;

    /// <summary>
    /// Fetches <paramref name="pageUri"/> with <paramref name="http"/> and makes its server components interactive over a
    /// new circuit; returns once the interactive page has rendered: the server has acknowledged adding the components
    /// (<c>JS.EndUpdateRootComponents</c>, sent once their first render settled), so its render batches have arrived.
    /// </summary>
    /// <param name="http">Fetches the page and, on disposal, ends the circuit; its cookies decide who is signed in.</param>
    /// <param name="cookies">
    /// The cookies <paramref name="http"/> uses, sent with the circuit's connection; null for an anonymous reader.
    /// </param>
    /// <param name="pageUri">The page, absolute or relative to <paramref name="http"/>'s base address.</param>
    /// <param name="ct">Cancels the whole opening, including the wait for the first render.</param>
    /// <exception cref="HttpRequestException">The page could not be fetched.</exception>
    /// <exception cref="InvalidOperationException">
    /// The page has no server components, or the server refused or failed the circuit.
    /// </exception>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, CookieContainer? cookies, Uri pageUri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(pageUri);

        using var response = await http.GetAsync(pageUri, ct);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(ct);
        // location.href is where the browser ended up, after any redirect.
        var locationHref = response.RequestMessage?.RequestUri
            ?? throw new InvalidOperationException("The page response has no request address.");
        var page = PrerenderedPage.Parse(html, locationHref);

        var circuit = new BlazorCircuit(http, cookies, page.BaseUri);
        try
        {
            await circuit.connection.StartAsync(ct);
            circuit.secret = await circuit.connection.InvokeAsync<string?>("StartCircuit",
                page.BaseUri.AbsoluteUri, locationHref.AbsoluteUri, "[]", page.ApplicationState, ct);
            if (string.IsNullOrEmpty(circuit.secret))
                throw new InvalidOperationException($"The server refused to start a circuit for {locationHref}.");

            // The first update carries the state the page was prerendered with, as blazor.web.js sends it.
            await circuit.connection.SendAsync("UpdateRootComponents", page.AddOperationsJson, page.ApplicationState, ct);
            await circuit.rendered.Task.WaitAsync(ct);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits for the first render batch received after this call whose string table holds <paramref name="text"/>
    /// (batches carry their strings as UTF-8, so this is a byte search).
    /// </summary>
    /// <returns>When that batch arrived, in <see cref="Stopwatch.GetTimestamp"/> ticks.</returns>
    /// <exception cref="TimeoutException">No such batch within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The server reported an error that ended the circuit.</exception>
    public async Task<long> WaitForTextAsync(string text, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var waiter = new TextWaiter(Encoding.UTF8.GetBytes(text));
        lock (waitersLock) waiters.Add(waiter);
        try
        {
            return await waiter.Found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No render batch with \"{text}\" arrived within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        finally
        {
            lock (waitersLock) waiters.Remove(waiter);
        }
    }

    /// <summary>
    /// Closes the connection without ending the circuit, as a lost network would: the server keeps the circuit among
    /// its disconnected circuits (for <c>CircuitOptions.DisconnectedCircuitRetentionPeriod</c>) for <see cref="ReconnectAsync"/>.
    /// </summary>
    /// <remarks>
    /// The connection closes cleanly rather than timing out; to the server both are the same disconnection
    /// (ComponentHub.OnDisconnectedAsync), and only the <c>_blazor/disconnect</c> request of <see cref="DisposeAsync"/> ends the circuit.
    /// </remarks>
    public Task DropConnectionAsync() => connection.StopAsync();

    /// <summary>
    /// Opens a new connection and asks the server to attach it to this circuit with <c>ConnectCircuit(secret)</c>, as
    /// blazor.web.js does on reconnection. The server then re-sends the render batches the old connection left unacknowledged.
    /// </summary>
    /// <returns>True when the server resumed the circuit; false when it no longer holds it (the page would have to reload).</returns>
    public async Task<bool> ReconnectAsync(CancellationToken ct)
    {
        if (connection.State == HubConnectionState.Connected) return true;
        await connection.DisposeAsync();
        connection = CreateConnection();
        await connection.StartAsync(ct);
        if (await connection.InvokeAsync<bool>("ConnectCircuit", secret, ct)) return true;
        await connection.StopAsync(CancellationToken.None);
        return false;
    }

    /// <summary>Closes the page: stops the connection and tells the server to end the circuit, as blazor.web.js does on dispose.</summary>
    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        if (secret is null) return;
        using var form = new MultipartFormDataContent { { new StringContent(secret), "circuitId" } };
        try
        {
            using var response = await http.PostAsync(new Uri(baseUri, "_blazor/disconnect"), form);
        }
        catch (HttpRequestException)
        {
            // Like the browser's beacon this is best effort: a server that is gone has no circuit to end.
        }
    }

    /// <summary>
    /// A connection to <c>_blazor</c> with the client side of the circuit protocol (the "JS.*" methods the server calls)
    /// registered: before it starts, since the server calls the page while it is still creating the circuit.
    /// </summary>
    private HubConnection CreateConnection()
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                if (cookies is not null) options.Cookies = cookies;
            });
        builder.Services.AddSingleton(Protocol);
        var hub = builder.Build();

        hub.On<long, byte[]>("JS.RenderBatch", (batchId, data) => OnRenderBatchAsync(hub, batchId, data));
        hub.On<long, string, string?, int, long, int>("JS.BeginInvokeJS",
            (asyncHandle, _, _, resultType, _, _) => EndInvokeJSAsync(hub, asyncHandle, resultType));
        hub.On<long>("JS.EndUpdateRootComponents", batchId =>
        {
            if (batchId == AddOperationsBatchId) rendered.TrySetResult();
        });
        hub.On<string>("JS.Error", OnError);
        // Client result: the server asks the page to keep the circuit's state when it pauses. This client never pauses
        // (it has no PauseCircuit/ResumeCircuit) and declines.
        hub.On<string, string, string, bool>("JS.SavePersistedState", (_, _, _) => false);
        // The rest need a DOM, JS objects or a pending call this client never has; answering nothing is what they ask.
        hub.On<int, string>("JS.AttachComponent", (_, _) => { });
        hub.On<string, bool, string>("JS.EndInvokeDotNet", (_, _, _) => { });
        hub.On<int, byte[]>("JS.ReceiveByteArray", (_, _) => { });
        hub.On<long>("JS.BeginTransmitStream", _ => { });
        hub.On<int, bool>("JS.EndLocationChanging", (_, _) => { });
        hub.Closed += exception =>
        {
            rendered.TrySetException(new InvalidOperationException("The circuit's connection closed before the page rendered.", exception));
            return Task.CompletedTask;
        };
        return hub;
    }

    /// <summary>
    /// Takes batches strictly in order, as blazor.web.js's RenderQueue does: one already taken (the server re-sends
    /// unacknowledged batches after a reconnection) is acknowledged again; one ahead of the next expected is left
    /// unacknowledged, for the server to send again after the missing one.
    /// </summary>
    private async Task OnRenderBatchAsync(HubConnection hub, long batchId, byte[] data)
    {
        var received = Stopwatch.GetTimestamp();
        if (batchId > nextBatchId) return;
        if (batchId == nextBatchId)
        {
            nextBatchId++;
            Interlocked.Exchange(ref lastBatchTimestamp, received);
            Interlocked.Increment(ref batchCount);
            OnBatch?.Invoke(data, received);
            lock (waitersLock)
            {
                foreach (var waiter in waiters)
                {
                    if (data.AsSpan().IndexOf(waiter.Text) >= 0) waiter.Found.TrySetResult(received);
                }
            }
        }
        await hub.SendAsync("OnRenderCompleted", batchId, null);
    }

    /// <summary>
    /// Answers a JS call as a function that returned undefined, in the format Microsoft.JSInterop.js sends:
    /// <c>[asyncHandle, true, result]</c>, with result null, or <c>{"__jsObjectId":-1}</c> where .NET expects a JS
    /// object (the browser's createJSObjectReference(undefined)); a stream cannot be made from undefined, so that fails.
    /// Handle 0 means the caller wants no answer.
    /// </summary>
    private static async Task EndInvokeJSAsync(HubConnection hub, long asyncHandle, int resultType)
    {
        if (asyncHandle == 0) return;
        var (succeeded, result) = resultType switch
        {
            JSObjectReferenceResult => (true, """{"__jsObjectId":-1}"""),
            JSStreamReferenceResult => (false, "\"This load-test client has no JavaScript objects to stream from.\""),
            _ => (true, "null"),
        };
        var arguments = string.Create(CultureInfo.InvariantCulture, $"[{asyncHandle},{(succeeded ? "true" : "false")},{result}]");
        await hub.SendAsync("EndInvokeJSFromDotNet", asyncHandle, succeeded, arguments);
    }

    private void OnError(string message)
    {
        Volatile.Write(ref error, message);
        var failure = new InvalidOperationException($"The server ended the circuit: {message}");
        rendered.TrySetException(failure);
        lock (waitersLock)
        {
            foreach (var waiter in waiters) waiter.Found.TrySetException(failure);
        }
    }

    private sealed class TextWaiter(byte[] text)
    {
        public byte[] Text { get; } = text;

        public TaskCompletionSource<long> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>What blazor.web.js reads from a prerendered page before it starts the circuit.</summary>
    private sealed partial record PrerenderedPage(Uri BaseUri, string AddOperationsJson, string ApplicationState)
    {
        public static PrerenderedPage Parse(string html, Uri locationHref)
        {
            // document.baseURI: the <base href> resolved against the page, or the page itself.
            var baseHref = BaseHref().Match(html);
            var baseUri = baseHref.Success ? new Uri(locationHref, WebUtility.HtmlDecode(baseHref.Groups["href"].Value)) : locationHref;

            // Start markers carry a type; end markers ({"prerenderId":...}) do not. uniqueId counts the descriptors in
            // document order; the server components are then sorted by sequence and numbered from 1 (ssrComponentId).
            var markers = new List<(int Sequence, JsonObject Marker)>();
            foreach (Match comment in ComponentMarker().Matches(html))
            {
                var marker = JsonNode.Parse(comment.Groups["json"].Value)?.AsObject();
                if (marker?["type"]?.GetValue<string>() != "server") continue;
                var sequence = marker["sequence"]?.GetValue<int>()
                    ?? throw new InvalidOperationException($"A server component marker has no sequence: {comment.Value}");
                marker["uniqueId"] = markers.Count;
                markers.Add((sequence, marker));
            }
            if (markers.Count == 0) throw new InvalidOperationException($"{locationHref} has no interactive server components.");

            var operations = new JsonArray();
            var ssrComponentId = 1;
            foreach (var (_, marker) in markers.OrderBy(m => m.Sequence))
            {
                operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = ssrComponentId++, ["marker"] = marker });
            }
            var batch = new JsonObject { ["batchId"] = AddOperationsBatchId, ["operations"] = operations };

            var state = ServerState().Match(html);
            return new PrerenderedPage(baseUri, batch.ToJsonString(OperationsJson), state.Success ? state.Groups["state"].Value : "");
        }

        [GeneratedRegex("""<base\s[^>]*href\s*=\s*["'](?<href>[^"']*)["']""", RegexOptions.IgnoreCase)]
        private static partial Regex BaseHref();

        // ComponentDescriptorDiscovery.ts: /^\s*Blazor:[^{]*(?<descriptor>.*)$/ on the comment's text.
        [GeneratedRegex(@"<!--\s*Blazor:[^{]*(?<json>\{.*?\})\s*-->", RegexOptions.Singleline)]
        private static partial Regex ComponentMarker();

        // ComponentDescriptorDiscovery.ts: /^\s*Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)$/.
        [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)-->")]
        private static partial Regex ServerState();
    }

    /// <summary>
    /// The MessagePack hub protocol under the name the Blazor hub accepts, as blazor.web.js does
    /// (<c>hubProtocol.name = 'blazorpack'</c>); the server side is BlazorPackHubProtocol, wire compatible with MessagePack.
    /// </summary>
    private sealed class BlazorPackHubProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol inner = new();

        public string Name => "blazorpack";

        // The MessagePack protocol's version (2); without stateful reconnect the handshake asks for version 1, as in the browser.
        public int Version => inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder,
            [NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
    }
}
