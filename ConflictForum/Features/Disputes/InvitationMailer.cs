using System.Net;
using ConflictForum.Platform.Email;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConflictForum.Features.Disputes;

/// <summary>Mails the invitation link to the other party when the claimant gave an address.</summary>
public sealed class InvitationMailer(IMailDelivery delivery, IOptions<EmailOptions> options, NavigationManager navigation)
{
    public static string PathFor(string token) => $"invitations/{token}";

    public string LinkFor(string token) => navigation.ToAbsoluteUri(PathFor(token)).AbsoluteUri;

    public async Task SendAsync(Dispute dispute, string claimantName, string token, CancellationToken ct)
    {
        if (dispute.RespondentEmail is null) return;
        var link = LinkFor(token);
        var intro = $"{claimantName} has opened a dispute with you on ConflictForum: \"{dispute.Title}\". "
            + "Both sides state their position in public and readers weigh in. Accept the invitation to post your side:";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(dispute.RespondentName, dispute.RespondentEmail));
        message.Subject = $"{claimantName} invites you to answer a dispute on ConflictForum";
        message.Body = new BodyBuilder
        {
            TextBody = $"{intro}\n\n{link}\n\nIf you do not respond before the deadline, the dispute opens without your side.\n",
            HtmlBody = $"<p>{WebUtility.HtmlEncode(intro)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"
                + "<p>If you do not respond before the deadline, the dispute opens without your side.</p>",
        }.ToMessageBody();
        await delivery.DeliverAsync(message, ct);
    }
}
