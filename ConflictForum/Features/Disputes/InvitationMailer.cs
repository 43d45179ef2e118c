using System.Net;
using ConflictForum.Platform;
using ConflictForum.Platform.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConflictForum.Features.Disputes;

/// <summary>Mails the invitation link to the other party when the claimant gave an address.</summary>
public sealed partial class InvitationMailer(IMailDelivery delivery, IOptions<EmailOptions> options, IOptions<SiteOptions> site,
    ILogger<InvitationMailer> logger)
{
    /// <summary>On the configured public address, never the request's Host: the link is mailed and shown to be passed on.</summary>
    public string LinkFor(string token) => site.Value.Link(DisputeAddresses.InvitationUrl(token));

    /// <summary>
    /// Sends the invitation if an address was given. A delivery failure is logged and reported, never thrown:
    /// the dispute is already saved and the claimant must still see the link, which is shown only once.
    /// </summary>
    public async Task<bool> TrySendAsync(Dispute dispute, string claimantName, string token, CancellationToken ct)
    {
        if (dispute.RespondentEmail is null) return false;
        try
        {
            await SendAsync(dispute, claimantName, token, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, dispute.Id, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The invitation e-mail for dispute {DisputeId} could not be sent.")]
    private static partial void LogFailed(ILogger logger, int disputeId, Exception exception);

    private async Task SendAsync(Dispute dispute, string claimantName, string token, CancellationToken ct)
    {
        var link = LinkFor(token);
        var intro = $"{claimantName} has opened a dispute with you on ConflictForum: \"{dispute.Title}\". "
            + "Both sides state their position in public and readers weigh in. Accept the invitation to post your side:";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(dispute.RespondentName, dispute.RespondentEmail!));
        message.Subject = $"{claimantName} invites you to answer a dispute on ConflictForum";
        message.Body = new BodyBuilder
        {
            TextBody = $"{intro}\n\n{link}\n\nIf you do not respond before the deadline, the dispute opens without your side.\n",
            HtmlBody = $"<p>{WebUtility.HtmlEncode(intro)}</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"
                + "<p>If you do not respond before the deadline, the dispute opens without your side.</p>",
        }.ToMessageBody();
        await delivery.DeliverAsync(message, ct);
    }
}
