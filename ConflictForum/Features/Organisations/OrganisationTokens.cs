using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ConflictForum.Features.Organisations;

/// <summary>
/// The signed tokens of the links an organisation's mail carries: a domain confirmation, or an invitation to act as its
/// agent (which organisation, which address, until when by the forum's clock). Forged, altered, expired or other-purpose
/// tokens read as nothing.
/// </summary>
public sealed class OrganisationTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public enum Purpose
    {
        /// <summary>Confirms the organisation's mail domain; valid three days.</summary>
        Domain,

        /// <summary>Invites the address's member to act as an agent; valid seven days.</summary>
        Agent,
    }

    public string For(Purpose purpose, int organisationId, string address) =>
        Protector(purpose).Protect(string.Create(CultureInfo.InvariantCulture,
            $"{organisationId}|{(clock.GetUtcNow() + TimeSpan.FromDays(purpose == Purpose.Domain ? 3 : 7)).UtcTicks}|{address}"));

    /// <returns>The organisation and the address the mail went to, or null.</returns>
    public (int OrganisationId, string Address)? Read(Purpose purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            return Protector(purpose).Unprotect(token).Split('|', 3) is [var id, var until, var address]
                && int.TryParse(id, CultureInfo.InvariantCulture, out var organisationId)
                && long.TryParse(until, CultureInfo.InvariantCulture, out var ticks) && ticks >= clock.GetUtcNow().UtcTicks
                ? (organisationId, address) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector(Purpose purpose) => protection.CreateProtector($"ConflictForum.Organisations.{purpose}.v1");
}
