using System.Net;
using ConflictForum.Platform.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConflictForum.Features.Accounts;

/// <summary>Identity's account mails. Identity hands over links already HTML-encoded.</summary>
internal sealed class AccountEmailSender(IMailDelivery delivery, IOptions<EmailOptions> options) : IEmailSender<ForumUser>
{
    public Task SendConfirmationLinkAsync(ForumUser user, string email, string confirmationLink) =>
        Send(user, email, "Confirm your ConflictForum account",
            "Welcome to ConflictForum. Confirm your e-mail address to finish creating your account:", confirmationLink);

    public Task SendPasswordResetLinkAsync(ForumUser user, string email, string resetLink) =>
        Send(user, email, "Reset your ConflictForum password",
            "Someone asked to reset the password of your ConflictForum account. If it was you, choose a new password here:", resetLink);

    public Task SendPasswordResetCodeAsync(ForumUser user, string email, string resetCode) =>
        Send(user, email, "Your ConflictForum password reset code", $"Your password reset code is {resetCode}.", link: null);

    /// <summary>Someone registered with an address that has an account: its owner hears of it, the page said nothing.</summary>
    public Task SendAlreadyRegisteredAsync(ForumUser user, string email, string resetLink) =>
        Send(user, email, "Someone tried to register with your address",
            "Someone tried to create a ConflictForum account with your e-mail address, which already has one. " +
            "If it was you and you forgot your password, choose a new one here:",
            resetLink);

    private Task Send(ForumUser user, string email, string subject, string text, string? link)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(user.DisplayName, email));
        message.Subject = subject;
        var plainLink = link is null ? null : WebUtility.HtmlDecode(link);
        var greeting = $"Hello {user.DisplayName},";
        message.Body = new BodyBuilder
        {
            TextBody = $"{greeting}\n\n{text}\n\n{plainLink}\n\nIf you did not ask for this, ignore this message.\n",
            HtmlBody = $"<p>{WebUtility.HtmlEncode(greeting)}</p><p>{WebUtility.HtmlEncode(text)}</p>"
                + (link is null ? "" : $"<p><a href=\"{link}\">{link}</a></p>")
                + "<p>If you did not ask for this, ignore this message.</p>",
        }.ToMessageBody();
        return delivery.DeliverAsync(message);
    }
}
