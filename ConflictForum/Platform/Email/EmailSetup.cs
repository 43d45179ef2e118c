using Microsoft.Extensions.Options;

namespace ConflictForum.Platform.Email;

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
