using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConflictForum.Platform.Email;

/// <summary>The one seam every e-mail of the forum leaves through.</summary>
public interface IMailDelivery
{
    Task DeliverAsync(MimeMessage message, CancellationToken ct = default);
}

internal sealed class PickupFolderDelivery(IOptions<EmailOptions> options, TimeProvider clock) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct = default)
    {
        var folder = options.Value.PickupFolder!;
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        await message.WriteToAsync(Path.Combine(folder, name), ct);
    }
}

internal sealed class SmtpDelivery(IOptions<EmailOptions> options) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct = default)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

public static class EmailSetup
{
    public static WebApplicationBuilder AddForumEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .PostConfigure<IConfiguration, IHostEnvironment>((o, configuration, environment) =>
                o.PickupFolder = Path.GetFullPath(o.PickupFolder ?? "mail", Data.DatabaseSetup.DataFolder(configuration, environment)))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IMailDelivery>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
                ? ActivatorUtilities.CreateInstance<SmtpDelivery>(sp)
                : ActivatorUtilities.CreateInstance<PickupFolderDelivery>(sp));
        return builder;
    }
}
