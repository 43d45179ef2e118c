using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Platform.Email;

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
