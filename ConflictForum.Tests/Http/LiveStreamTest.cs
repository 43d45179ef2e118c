using System.Net;
using System.Text.Json;
using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Http;

/// <summary>The readers' live stream, <c>GET /disputes/{id}/live</c>, read as it comes by a real client on a real port.</summary>
public abstract class LiveStreamTest(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : ForumAppTest(clock, settings, kestrel: true)
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private int disputes;

    protected HttpClient Client { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    protected async Task<int> OpenDisputeAsync() =>
        (await Given.DisputeBetweenAsync($"Cleo Claimant {++disputes}", $"Remy Respondent {disputes}",
            Scenario.Dispute("Shared drive blocked every morning", "A van parks across the drive at seven.", "Remy",
                "The van blocks the drive."))).DisputeId;

    protected async Task<int> VersionAsync(int disputeId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Disputes
            .Where(d => d.Id == disputeId).Select(d => d.Version).SingleAsync();
    }

    protected async Task VoteAsync(int disputeId, string voter, FaultOption option) =>
        await Given.VoteAsync(await MemberAsync(voter), disputeId, option);

    protected async Task<LiveReader> ConnectAsync(string path, int? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(App.RootUri, path));
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new LiveReader(response, response.IsSuccessStatusCode ? new StreamReader(await response.Content.ReadAsStreamAsync()) : null);
    }

    public override async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>One server-sent event, or a comment line (<see cref="Comment"/>).</summary>
    protected sealed record Message(int? Id, string? Event, string? Data, string? Comment)
    {
        public Dictionary<string, string> Regions => JsonSerializer.Deserialize<Dictionary<string, string>>(Data!)!;
    }

    protected sealed class LiveReader(HttpResponseMessage response, StreamReader? reader) : IDisposable
    {
        public HttpStatusCode Status => response.StatusCode;

        public string? ContentType => response.Content.Headers.ContentType?.MediaType;

        /// <summary>Whether the server ended the stream (as opposed to a read that timed out).</summary>
        public bool Ended { get; private set; }

        /// <summary>The next message, or null when none came within <paramref name="within"/>.</summary>
        public async Task<Message?> NextAsync(TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            var (id, name, data, comment) = ((int?)null, (string?)null, (string?)null, (string?)null);
            try
            {
                while (await reader!.ReadLineAsync(timeout.Token) is { } line)
                {
                    if (line.Length == 0)
                    {
                        if (data is not null || comment is not null) return new Message(id, name, data, comment);
                        continue;
                    }
                    if (line.StartsWith(':')) comment = line[1..].Trim();
                    else if (line.StartsWith("id: ", StringComparison.Ordinal))
                        id = int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                    else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                    else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = data is null ? line[6..] : $"{data}\n{line[6..]}";
                }
                Ended = true;
                return null;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>The next event with regions, skipping heartbeats.</summary>
        public async Task<Message> NextRegionsAsync(TimeSpan within)
        {
            while (await NextAsync(within) is { } message)
                if (message.Event == "regions") return message;
            throw new Xunit.Sdk.XunitException($"No regions event within {within}.");
        }

        public void Dispose()
        {
            reader?.Dispose();
            response.Dispose();
        }
    }
}
