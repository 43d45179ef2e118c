using System.Text;
using System.Text.Encodings.Web;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// Builds the confirmation and reset links (token + the site's configured public address, never the request's Host, which
/// anyone can forge to have a genuine code mailed to their own site) and mails them.
/// </summary>
internal sealed class AccountLinkSender(UserManager<ForumUser> users, AccountEmailSender sender, NavigationManager navigation,
    IOptions<SiteOptions> site)
{
    public async Task SendConfirmationLinkAsync(ForumUser user, string? returnUrl)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Link("Account/ConfirmEmail", new() { ["userId"] = user.Id, ["code"] = code, ["returnUrl"] = returnUrl });
        await sender.SendConfirmationLinkAsync(user, user.Email!, link);
    }

    public async Task SendPasswordResetLinkAsync(ForumUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await sender.SendPasswordResetLinkAsync(user, user.Email!, Link("Account/ResetPassword", new() { ["code"] = code }));
    }

    /// <summary>Tells the owner of an address someone tried to register with, with a way back into their account.</summary>
    public async Task SendAlreadyRegisteredAsync(ForumUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await sender.SendAlreadyRegisteredAsync(user, user.Email!, Link("Account/ResetPassword", new() { ["code"] = code }));
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    // IEmailSender expects the link HTML-encoded.
    private string Link(string page, Dictionary<string, object?> query) =>
        HtmlEncoder.Default.Encode(navigation.GetUriWithQueryParameters(site.Value.Link(page), query));
}
