using ConflictForum.Benchmarks.Load;
using ConflictForum.Benchmarks.Notify;
using ConflictForum.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ConflictForum.Tests.Benchmarks;

/// <summary>
/// The notifications driver's pieces: the SMTP sink it mails to, and the whole run, tiny (a server process killed twice
/// mid-send). Its rates are not judged here (this machine is busy running the other tests); that nothing was lost or sent in
/// two different mails is, and that every figure was written into its own section of the report.
/// </summary>
public sealed class NotifyDriverSmokeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_sink_receives_MailKits_messages_and_records_each_Message_Id_and_recipient()
    {
        await using var sink = new SmtpSink();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.Auto);
        foreach (var i in new[] { 1, 2 })
        {
            var message = new MimeMessage { MessageId = $"notice.{i}.1.member-{i}@conflictforum", Subject = "A step" };
            message.From.Add(MailboxAddress.Parse("ConflictForum <no-reply@conflictforum.local>"));
            message.To.Add(new MailboxAddress("Member", $"member-{i}@notify.test"));
            message.Body = new TextPart("plain") { Text = $".A line that starts with a dot\nBenchmark step 00000{i}." };
            await client.SendAsync(message);
        }
        await client.DisconnectAsync(quit: true);

        Assert.Equal(2, sink.Count);
        var first = sink.Messages[0];
        Assert.Equal("notice.1.1.member-1@conflictforum", first.MessageId);
        Assert.Equal(["member-1@notify.test"], first.Recipients);
        Assert.Contains(".A line that starts with a dot", first.TextBody, StringComparison.Ordinal); // dot-stuffing undone
        Assert.Equal("notice.2.1.member-2@conflictforum", sink.Messages[1].MessageId);
    }

    [Fact]
    public void A_section_is_replaced_in_place_and_the_rest_of_the_report_kept()
    {
        var report = "# Benchmarks\n\n| load |\n\n## Notifications\n\nold\n\n## Other\n\nkept\n";

        var replaced = ReportSections.Replace(report, NotifyDriver.Heading, "## Notifications\n\nnew\n");

        Assert.Equal("# Benchmarks\n\n| load |\n\n## Notifications\n\nnew\n\n## Other\n\nkept\n", replaced);
        Assert.Equal("# Benchmarks\n\n| load |\n\n## Notifications\n\nnew\n",
            ReportSections.Replace("# Benchmarks\n\n| load |\n", NotifyDriver.Heading, "## Notifications\n\nnew\n"));
    }

    [Fact]
    public async Task A_small_run_measures_every_figure_and_loses_no_mail_through_kills()
    {
        var app = Path.Combine(LoadDriver.RepositoryRoot(), "ConflictForum", "bin", "Debug", "net10.0", "ConflictForum.dll");
        Assert.True(File.Exists(app), $"Build the forum first: {app}");
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "benchmarks.md");
        await File.WriteAllTextAsync(report, "# Benchmarks\n\n| the load driver's figures |\n");

        var figures = await NotifyDriver.RunAsync(NotifyOptions.Smoke(report, (app, "Development")));

        var text = await File.ReadAllTextAsync(report);
        output.WriteLine(text);
        Assert.StartsWith("# Benchmarks\n\n| the load driver's figures |\n\n## Notifications\n", text, StringComparison.Ordinal);
        Assert.Equal(4, figures.Count);
        foreach (var figure in figures) Assert.Contains(figure.Name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(figures, f => f.Result.Contains("NaN", StringComparison.Ordinal));
        Assert.Contains(figures, f => f.Name.Contains("200 followers", StringComparison.Ordinal));
        Assert.Contains(figures, f => f.Result.Contains("mails/s", StringComparison.Ordinal));
        var crashes = Assert.Single(figures, f => f.Name.StartsWith("2 kill -9", StringComparison.Ordinal));
        Assert.True(crashes.Met, crashes.Result);
        Assert.Contains("50 notifications, 50 mailed", crashes.Result, StringComparison.Ordinal);
        Assert.Contains("**0 lost**, **0 in two different mails**", crashes.Result, StringComparison.Ordinal);
    }
}
