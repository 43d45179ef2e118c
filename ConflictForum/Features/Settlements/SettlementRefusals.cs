using ConflictForum.Platform;

namespace ConflictForum.Features.Settlements;

/// <summary>The refusals of offers and their answers, named so tests and callers refer to them, not to their wording.</summary>
public static class SettlementRefusals
{
    public const string OnlyParties = "Only the two parties make and answer settlement offers.";

    public const string NotYet = "Offers open once the other party has joined the dispute.";

    public const string Settled = "The parties have already settled this dispute.";

    public const string NotRunning = "This dispute has ended: no more offers are made or answered on it.";

    public const string OwnOffer = "You cannot answer your own offer.";

    public const string NoLongerLive = "This offer is no longer open: it was answered, replaced or has expired.";

    public const string OfferMissing = "This offer does not exist.";

    public const string ExpiryMissing = "Say when the offer expires.";

    public const string ExpiryInPast = "The offer's expiry must be in the future.";

    public const string CarryOutInPast = "The date to carry out the terms by cannot be in the past.";

    public const string CurrencyWithoutAmount = "Give the amount the currency is for, or leave the currency empty.";

    public const string AmountWithoutCurrency = "Say which currency the amount is in (a three-letter code such as GBP, EUR or USD).";

    public const string ResolutionMissing = "That resolution is not one proposed on this dispute.";

    public const string OnlyPartiesReport = "Only the two parties report whether the settlement was honoured.";

    public const string NotSettled = "Only a settled dispute takes reports on whether its settlement was honoured.";

    public const string AlreadyReported = "You have already reported on this settlement: each party reports once.";

    public const string OwnReport = "You cannot answer your own report.";

    public const string AlreadyAnswered = "This report has already been answered: each party answers the other's report once.";

    public const string ReportMissing = "This report does not exist.";

    /// <summary>The refusal of a report before the settlement is due, naming the date it is due.</summary>
    public static string NotDueYet(DateTime due) =>
        $"Reports on the settlement open on its due date, {TimeText.Exact(due)}: report then whether it was honoured.";
}
