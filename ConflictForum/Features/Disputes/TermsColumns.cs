using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// The five columns of <see cref="SettlementTerms"/> that an offer, a mediator's proposal and the settlement each carry in
/// their own table. A base class only: EF maps its properties on each entity, and never as an entity of its own.
/// </summary>
public abstract class TermsColumns
{
    /// <summary>The terms in Markdown, as their author wrote them.</summary>
    public string Source { get; set; } = "";

    /// <summary>The terms as sanitized HTML, rendered when saved.</summary>
    public string Html { get; set; } = "";

    public decimal? Amount { get; set; }

    /// <summary>ISO 4217 code of <see cref="Amount"/>.</summary>
    public string? Currency { get; set; }

    /// <summary>When the terms are to be carried out by; null when no date is set.</summary>
    public DateTime? CarryOutBy { get; set; }

    public SettlementTerms Terms => new(Source, Html, Amount, Currency, CarryOutBy);

    /// <summary>Configures the columns on the table of <typeparamref name="T"/>.</summary>
    internal static void Configure<T>(EntityTypeBuilder<T> row) where T : TermsColumns
    {
        row.Property(t => t.Amount).HasPrecision(18, 2);
        row.Property(t => t.Currency).HasMaxLength(3);
    }
}
