using System.Globalization;
using ConflictForum.Features.Timeline;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// What one party promises the other: Markdown terms, an optional amount in a currency, an optional date by which it is
/// carried out. An offer and a settlement carry the same terms, and the record keeps their hash.
/// </summary>
public sealed record SettlementTerms(string Source, string Html, decimal? Amount, string? Currency, DateTime? CarryOutBy)
{
    /// <summary>The hash a timeline entry keeps of these terms: every field, so no amount or date can change unseen.</summary>
    /// <remarks>Written the same way however the row was read back (a decimal's scale and a date's kind vary by provider).</remarks>
    public string Hash => TimelineWriter.ContentHashOf(string.Create(CultureInfo.InvariantCulture,
        $"{Source}\n{Amount:0.00} {Currency}\n{CarryOutBy:yyyy-MM-ddTHH:mm:ss.fffffff}"), Html);

    /// <summary>"£549.00 by Fri 12 Dec 2026" and the like, or null when the terms name neither an amount nor a date.</summary>
    public string? Summary => (Amount, CarryOutBy) switch
    {
        (null, null) => null,
        ({ } amount, null) => Money(amount, Currency),
        (null, { } by) => $"by {by.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}",
        ({ } amount, { } by) => $"{Money(amount, Currency)} by {by.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}",
    };

    private static string Money(decimal amount, string? currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:N2} {currency}").Trim();
}
