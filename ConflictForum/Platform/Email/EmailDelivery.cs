namespace ConflictForum.Platform.Email;

public enum EmailDelivery
{
    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupFolder"/>; for development.</summary>
    PickupFolder,
    /// <summary>Messages go to the SMTP server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}
