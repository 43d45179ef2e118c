using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ConflictForum.Benchmarks.Load;
using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Benchmarks;

/// <summary>The load driver's browserless circuit against the real app on Kestrel: no Chromium needed.</summary>
public sealed class BlazorCircuitTests : IAsyncDisposable
{
    // Changes reach open pages after a ~250 ms coalescing delay; this leaves room for a slow machine.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);

    private readonly ForumAppFactory app = new(kestrel: true);
    private readonly CookieContainer cookies = new();
    private readonly HttpClient http;

    public BlazorCircuitTests() =>
        http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = app.RootUri };

    [Fact]
    public async Task Three_members_see_a_new_comment_on_their_open_pages_without_reload()
    {
        var (claimant, disputeId) = await DisputeAsync();
        await SignInReaderAsync();
        var circuits = new List<BlazorCircuit>();
        try
        {
            for (var i = 0; i < 3; i++) circuits.Add(await OpenAsync(disputeId));
            Assert.All(circuits, c => Assert.True(c.BatchCount >= 1, "The interactive page rendered at least once."));

            var batches = 0;
            circuits[0].OnBatch = (batch, _) => Interlocked.Increment(ref batches);
            const string text = "Readersseeitlive7Q3 without reloading";
            var waits = circuits.Select(c => c.WaitForTextAsync(text, Delivery)).ToArray();
            await PostCommentAsync(claimant, disputeId, text);

            var received = await Task.WhenAll(waits);
            Assert.All(received, timestamp => Assert.True(timestamp > 0));
            Assert.True(Volatile.Read(ref batches) >= 1);
            Assert.All(circuits, c => Assert.Null(c.Error));
        }
        finally
        {
            foreach (var circuit in circuits) await circuit.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_dropped_connection_resumes_its_circuit_and_keeps_receiving_changes()
    {
        var (claimant, disputeId) = await DisputeAsync();
        await SignInReaderAsync();
        await using var circuit = await OpenAsync(disputeId);

        await circuit.DropConnectionAsync();
        Assert.False(circuit.IsConnected);
        // Rendered while the page is away: the server keeps the batch until the page is back.
        const string whileAway = "Postedwhileaway5K1 during the outage";
        await PostCommentAsync(claimant, disputeId, whileAway);
        var caughtUp = circuit.WaitForTextAsync(whileAway, Delivery);

        Assert.True(await circuit.ReconnectAsync(CancellationToken.None));
        Assert.True(circuit.IsConnected);
        await caughtUp;

        const string afterwards = "Postedafterreturn9M4 once reconnected";
        var next = circuit.WaitForTextAsync(afterwards, Delivery);
        await PostCommentAsync(claimant, disputeId, afterwards);
        await next;
        Assert.Null(circuit.Error);
    }

    [Fact]
    public async Task A_signed_in_reader_s_circuit_renders_the_page_as_that_member()
    {
        var (claimant, disputeId) = await DisputeAsync();
        await BrowserJourney.CreateMemberAsync(app, "Bea Reader", "bea@example.test");
        var beaCookies = new CookieContainer();
        using var beaHttp = new HttpClient(new SocketsHttpHandler { CookieContainer = beaCookies }) { BaseAddress = app.RootUri };
        await SignInAsync(beaHttp, "bea@example.test");
        await using var bea = await OpenAsync(disputeId, beaHttp, beaCookies);
        // A reader who is not signed in gets a static page: there is no circuit to start.
        await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(disputeId));

        const string text = "Membersgetreplies2W8 under this thread";
        var beaSees = BatchWith(bea, text);
        await PostCommentAsync(claimant, disputeId, text);

        // Only a member who may comment gets a Reply button under the new thread: the circuit runs as Bea.
        Assert.Contains("Reply", Encoding.UTF8.GetString(await beaSees), StringComparison.Ordinal);
    }

    /// <summary>The first render batch of <paramref name="circuit"/> from now on that holds <paramref name="text"/>.</summary>
    private static async Task<byte[]> BatchWith(BlazorCircuit circuit, string text)
    {
        byte[]? found = null;
        var needle = Encoding.UTF8.GetBytes(text);
        circuit.OnBatch = (batch, _) =>
        {
            if (found is null && batch.Span.IndexOf(needle) >= 0) found = batch.ToArray();
        };
        // OnBatch sees a batch before WaitForTextAsync completes with it.
        await circuit.WaitForTextAsync(text, Delivery);
        return found!;
    }

    /// <summary>Signs in through the real form, as a browser would, leaving the auth cookie in the client's container.</summary>
    private static async Task SignInAsync(HttpClient client, string email)
    {
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(
        [
            new("_handler", "login"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
            new("Input.Email", email), new("Input.Password", BrowserJourney.Password),
        ]);
        using var signedIn = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        Assert.Contains("data-testid=\"user-name\"", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<BlazorCircuit> OpenAsync(int disputeId) => OpenAsync(disputeId, http, cookies);

    /// <summary>Signs this test's client in as a member: only members' dispute pages hold circuits.</summary>
    private async Task SignInReaderAsync()
    {
        await BrowserJourney.CreateMemberAsync(app, "Rita Reader", "rita@example.test");
        await SignInAsync(http, "rita@example.test");
    }

    private static async Task<BlazorCircuit> OpenAsync(int disputeId, HttpClient client, CookieContainer clientCookies)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await BlazorCircuit.OpenAsync(client, clientCookies, new Uri($"disputes/{disputeId}", UriKind.Relative), timeout.Token);
    }

    private async Task<(ForumActor Claimant, int DisputeId)> DisputeAsync()
    {
        var given = new Scenario(app);
        var claimant = await given.MemberAsync("Carla Claimant", "carla@example.test");
        var respondent = await given.MemberAsync("Rob Respondent", "rob@example.test");
        var opened = await given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute("Hedge trimmings dumped on my lawn",
            "Every week the trimmings land on my side.", "Rob", "They land on my lawn."));
        return (claimant, opened.DisputeId);
    }

    private async Task PostCommentAsync(ForumActor author, int disputeId, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var posted = await scope.ServiceProvider.GetRequiredService<DeliberationService>().PostCommentAsync(author, disputeId, text);
        Assert.True(posted.Succeeded, posted.Message);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }
}
