using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Platform.Email;

public enum EmailDelivery
{
    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupFolder"/>; for development.</summary>
    PickupFolder,
    /// <summary>Messages go to the SMTP server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}

public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    /// <summary>How mail leaves the forum. Default <see cref="EmailDelivery.PickupFolder"/>.</summary>
    public EmailDelivery Delivery { get; set; } = EmailDelivery.PickupFolder;

    /// <summary>Sender address. Default <c>ConflictForum &lt;no-reply@conflictforum.local&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "ConflictForum <no-reply@conflictforum.local>";

    /// <summary>Folder for <see cref="EmailDelivery.PickupFolder"/>. Default <c>mail/</c> in the data folder.</summary>
    public string? PickupFolder { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
            yield return new ValidationResult($"Email:From '{From}' is not a valid address.", [nameof(From)]);
        if (Delivery == EmailDelivery.Smtp && string.IsNullOrWhiteSpace(Smtp.Host))
            yield return new ValidationResult("Email:Delivery is Smtp but Email:Smtp:Host is not set.", [nameof(Smtp)]);
    }
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    /// <summary>Default 587 (submission with STARTTLS).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Leave empty for a relay that needs no sign-in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
