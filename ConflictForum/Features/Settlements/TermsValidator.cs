using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// Checks terms put forward to settle (a party's offer, a mediator's proposal) and renders them: Markdown, an amount with its
/// currency, a date to carry them out by, an expiry within the voting window.
/// </summary>
public sealed class TermsValidator(MarkdownRenderer markdown, IOptions<DisputeOptions> options)
{
    /// <returns>A problem to show, or the terms ready to save.</returns>
    public (string? Problem, SettlementTerms? Terms) Check(OfferInput input, Dispute dispute, DateTime now)
    {
        input.Terms = input.Terms?.Trim() ?? "";
        input.Currency = string.IsNullOrWhiteSpace(input.Currency) ? null : input.Currency.Trim().ToUpperInvariant();
        var rendered = markdown.Accept(input, input.Terms);
        if (rendered.Problem is not null) return (rendered.Problem, null);
        if (input.Amount is not null && input.Currency is null) return (SettlementRefusals.AmountWithoutCurrency, null);
        if (input.Amount is null && input.Currency is not null) return (SettlementRefusals.CurrencyWithoutAmount, null);
        if (input.ExpiresAt is not { } expires) return (SettlementRefusals.ExpiryMissing, null);
        if (expires <= now) return (SettlementRefusals.ExpiryInPast, null);
        if (input.CarryOutBy is { } by && by.Date < now.Date) return (SettlementRefusals.CarryOutInPast, null);
        var votingEnds = dispute.VotingClosesAt ?? dispute.ResponseDeadline + options.Value.VotingWindow;
        if (expires > votingEnds)
            return ($"An offer expires by the end of the voting window, {TimeText.Exact(votingEnds)}.", null);
        return (null, new SettlementTerms(input.Terms, rendered.Html, input.Amount, input.Currency, input.CarryOutBy));
    }
}
