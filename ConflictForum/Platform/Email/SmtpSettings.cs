using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Platform.Email;

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
