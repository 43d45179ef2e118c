using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ConflictForum.Features.Organisations;

/// <summary>
/// The signed tokens of the links an organisation's mail carries: a domain confirmation (which organisation, which address,
/// until when, by the forum's clock). Forged, altered or expired tokens read as nothing.
/// </summary>
public sealed class OrganisationTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    private IDataProtector Protector => protection.CreateProtector("ConflictForum.Organisations.Domain.v1");

    public string ForDomain(int organisationId, string address) =>
        Protector.Protect(string.Create(CultureInfo.InvariantCulture,
            $"{organisationId}|{(clock.GetUtcNow() + Lifetime).UtcTicks}|{address}"));

    /// <returns>The organisation and the address the mail went to, or null.</returns>
    public (int OrganisationId, string Address)? ReadDomain(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            return Protector.Unprotect(token).Split('|', 3) is [var id, var until, var address]
                && int.TryParse(id, CultureInfo.InvariantCulture, out var organisationId)
                && long.TryParse(until, CultureInfo.InvariantCulture, out var ticks) && ticks >= clock.GetUtcNow().UtcTicks
                ? (organisationId, address) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
