using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ConflictForum.Benchmarks.Load;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Notifications;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Benchmarks.Notify;

public static partial class NotifyDriver
{
    /// <summary>
    /// Notifications due, on one dispute, each naming itself ("Benchmark step 000042.") so a mail's body says which it covers.
    /// </summary>
    private sealed record MailSeed(int DisputeId, int Notifications);

    private const string MailPrefix = "mail-";

    private sealed record MailCount(int Notifications, int Mailed, int Lost, int InTwoMails, int Keys, int Received, int Distinct,
        int Stray, int Misaddressed)
    {
        public bool Met => Lost == 0 && InTwoMails == 0 && Distinct == Keys && Stray == 0 && Misaddressed == 0;
    }

    private static async Task MailAsync(NotifyOptions o, List<Figure> figures, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("conflictforum-notify-mail-").FullName;
        try
        {
            var app = o.App ?? await LoadDriver.PublishAsync(work, ct);
            var rate = await RateAsync(o, app, Path.Combine(work, "rate"), figures, ct);
            await CrashesAsync(o, app, Path.Combine(work, "crashes"), rate, figures, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(work);
        }
    }

    /// <returns>Mails per second.</returns>
    private static async Task<double> RateAsync(NotifyOptions o, (string Dll, string Environment) app, string data,
        List<Figure> figures, CancellationToken ct)
    {
        var seed = await SeedMailAsync(data, o.Mails);
        Log($"mail: {seed.Notifications:N0} notifications due, the forum mailing them to the SMTP sink");
        await using var sink = new SmtpSink();
        var covered = new Coverage(sink);
        await using (await ForumServer.StartAsync(app.Dll, app.Environment, data, MailSettings(o, sink), ct))
        {
            await UntilAsync(() => covered.Count == seed.Notifications, TimeSpan.FromMinutes(10), ct);
        }
        var messages = sink.Messages;
        var seconds = (messages[^1].At - messages[0].At).TotalSeconds;
        var perSecond = (messages.Count - 1) / seconds;
        figures.Add(new Figure(
            $"the outbox's mail to a local SMTP sink (MailKit, a connection per mail): {seed.Notifications:N0} notifications due, "
            + "the forum as its own process",
            "none set (a benchmark of the rate)",
            $"**{perSecond:N0} mails/s** ({messages.Count:N0} mails in {seconds:N1} s, first to last; a recipient's notifications "
            + $"taken together go in one mail) with the outbox polling every {o.MailPoll.TotalSeconds:0.###} s; at its default "
            + "(every 5 s, 200 notifications a round) it sends at most 40 a second",
            true));
        return perSecond;
    }

    private static async Task CrashesAsync(NotifyOptions o, (string Dll, string Environment) app, string data, double rate,
        List<Figure> figures, CancellationToken ct)
    {
        var seed = await SeedMailAsync(data, o.Mails);
        await using var sink = new SmtpSink();
        var covered = new Coverage(sink);
        var settings = MailSettings(o, sink);
        // Spread so that the kills land while mail is still due: about half of it sent by the last.
        var longest = TimeSpan.FromSeconds(Math.Clamp(0.5 * seed.Notifications / rate / Math.Max(1, o.Kills), 0.02, 2));
        var random = new Random(19);
        var midSend = 0;
        for (var kill = 1; kill <= o.Kills; kill++)
        {
            var before = sink.Count;
            var server = await ForumServer.StartAsync(app.Dll, app.Environment, data, settings, ct);
            await UntilAsync(() => sink.Count > before || covered.Count == seed.Notifications, TimeSpan.FromMinutes(1), ct);
            await Task.Delay(longest * random.NextDouble(), ct);
            if (covered.Count < seed.Notifications) midSend++;
            await server.DisposeAsync(); // SIGKILL: Process.Kill on Linux
            Log($"mail: kill {kill}/{o.Kills} after {sink.Count:N0} messages");
        }
        await using (await ForumServer.StartAsync(app.Dll, app.Environment, data, settings, ct))
        {
            await UntilAsync(async () => await UnmailedAsync(data, seed) == 0, TimeSpan.FromMinutes(10), ct);
        }
        var count = await CountAsync(data, seed, sink.Messages);
        figures.Add(new Figure(
            $"{o.Kills} kill -9 of the forum at random moments while it mails ({seed.Notifications:N0} notifications due), "
            + "restarted each time, then run until all are mailed",
            "no notification lost; none in two different mails; distinct mails received = the notifications' mails",
            $"{count.Notifications:N0} notifications, {count.Mailed:N0} mailed (`MailedAt` set): **{count.Lost} lost**, "
            + $"**{count.InTwoMails} in two different mails**; {count.Received:N0} messages received, "
            + $"**{count.Distinct:N0} distinct Message-Ids** = {count.Keys:N0} mails of the notifications (their `MailKey`s); "
            + $"re-sent with the same Message-Id (killed between sending and recording; receivers dedupe on it): "
            + $"{count.Received - count.Distinct}; mails no notification names: {count.Stray}; to a wrong address: "
            + $"{count.Misaddressed}; kills that landed with mail still due: {midSend} / {o.Kills}",
            count.Met));
    }

    private static Dictionary<string, string> MailSettings(NotifyOptions o, SmtpSink sink) => new()
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Notifications:MailPoll"] = o.MailPoll.ToString("c", CultureInfo.InvariantCulture),
        // A killed sender's claim is taken up again this soon by the restarted one (the default, two minutes, is for instances
        // that may still be alive).
        ["Notifications:MailLease"] = "00:00:02",
    };

    /// <summary>
    /// Members with confirmed addresses and their notifications, due now, inserted in bulk; every fifth member has two in a
    /// row, which go out together in one mail.
    /// </summary>
    private static async Task<MailSeed> SeedMailAsync(string data, int count)
    {
        // The forum's own app opens the database only while no server runs on it: it runs background services of its own.
        await using var bench = await DeliberationBench.CreateAsync(data, settings: Settings(runOutbox: false, poll: null));
        var disputeId = await bench.DisputeWithVotesAsync(0);
        var factory = bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
        var now = DateTime.UtcNow;
        var recipients = new List<string>();
        for (var planned = 0; planned < count;)
        {
            planned += recipients.Count % 5 == 0 ? 2 : 1;
            recipients.Add($"{MailPrefix}{recipients.Count}");
        }
        await using var db = await factory.CreateDbContextAsync();
        foreach (var (id, r) in recipients.Select((id, r) => (id, r)))
        {
            var email = $"{id}@notify.test";
            db.Users.Add(new ForumUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"Mail member {r}",
                NormalizedDisplayName = DisplayNames.Normalize($"Mail member {r}"), CreatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var step = 0;
        foreach (var (id, r) in recipients.Select((id, r) => (id, r)))
        {
            for (var k = 0; k < (r % 5 == 0 ? 2 : 1) && step < count; k++, step++)
            {
                db.Notifications.Add(new Notification
                {
                    RecipientId = id, DisputeId = disputeId, Sequence = 1_000 + step, Kind = TimelineKind.StatementPosted,
                    DisputeTitle = "Benchmark dispute with mail", Text = $"Benchmark step {step:D6}.", CreatedAt = now,
                    MailDueAt = now.AddMinutes(-1),
                });
            }
        }
        await db.SaveChangesAsync();
        return new MailSeed(disputeId, step);
    }

    /// <summary>The seeded notifications not mailed yet, read beside the running server (read-only, not through its app).</summary>
    private static async Task<long> UnmailedAsync(string data, MailSeed seed)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(data, "forum.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM Notifications WHERE DisputeId = $dispute AND RecipientId LIKE 'mail-%' "
            + "AND MailedAt IS NULL";
        query.Parameters.AddWithValue("$dispute", seed.DisputeId);
        return (long)(await query.ExecuteScalarAsync())!;
    }

    private static IEnumerable<int> Steps(string text) =>
        StepPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private static async Task<MailCount> CountAsync(string data, MailSeed seed, IReadOnlyList<SinkMessage> messages)
    {
        await using var bench = await DeliberationBench.CreateAsync(data, settings: Settings(runOutbox: false, poll: null));
        await using var db = await bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.DisputeId == seed.DisputeId && n.RecipientId.StartsWith(MailPrefix))
            .Select(n => new { n.RecipientId, n.MailKey, n.MailedAt, n.Text }).ToListAsync();
        var keys = rows.Where(r => r.MailKey is not null).Select(r => $"notice.{r.MailKey}.{r.RecipientId}@conflictforum")
            .ToHashSet();
        // Which distinct mails name each notification: more than one is a duplicate, none is a loss.
        var mailsOf = messages.DistinctBy(m => m.MessageId)
            .SelectMany(m => Steps(m.TextBody).Select(step => (step, m.MessageId)))
            .GroupBy(x => x.step).ToDictionary(g => g.Key, g => g.Count());
        var lost = rows.Count(r => r.MailedAt is null || !mailsOf.ContainsKey(Steps(r.Text).Single()));
        var misaddressed = messages.Count(m =>
            m.MessageId is not { } id || !m.Recipients.SequenceEqual([$"{RecipientOf(id)}@notify.test"]));
        var distinct = messages.Select(m => m.MessageId).Distinct().Count();
        return new MailCount(rows.Count, rows.Count(r => r.MailedAt is not null), lost, mailsOf.Count(m => m.Value > 1), keys.Count,
            messages.Count, distinct, messages.Select(m => m.MessageId).Distinct().Count(id => id is null || !keys.Contains(id)),
            misaddressed);
    }

    /// <summary>The member a notification mail's Message-Id (<c>notice.{key}.{recipient}@conflictforum</c>) is for.</summary>
    private static string RecipientOf(string messageId) =>
        messageId[..messageId.LastIndexOf('@')] is var local ? local[(local.LastIndexOf('.') + 1)..] : "";

    private static Task UntilAsync(Func<bool> done, TimeSpan timeout, CancellationToken ct) =>
        UntilAsync(() => Task.FromResult(done()), timeout, ct);

    private static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"Waited {timeout.TotalSeconds:N0} s in vain.");
            await Task.Delay(50, ct);
        }
    }

    /// <summary>The notifications named by the messages received so far, read once each (the sink only ever adds).</summary>
    private sealed class Coverage(SmtpSink sink)
    {
        private readonly HashSet<int> steps = [];
        private int read;

        public int Count
        {
            get
            {
                var messages = sink.Messages;
                for (; read < messages.Count; read++) steps.UnionWith(Steps(messages[read].TextBody));
                return steps.Count;
            }
        }
    }

    [GeneratedRegex(@"Benchmark step (\d{6})\.")]
    private static partial Regex StepPattern();
}
