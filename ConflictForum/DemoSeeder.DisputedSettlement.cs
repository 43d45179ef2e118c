using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;

namespace ConflictForum;

public static partial class DemoSeeder
{
    /// <summary>The services a demo step writes through, each at a past instant (how long ago).</summary>
    private sealed record DemoSteps(Func<TimeSpan, DisputeService> At, Func<TimeSpan, OfferService> Offers,
        Func<TimeSpan, SettlementReportService> Reports, Func<TimeSpan, DeliberationService> Talk,
        Func<TimeSpan, Features.Mediations.MediationService> Mediate);

    /// <summary>
    /// Settled by an offer of two instalments, then reported not honoured when the second never came: the settlement is
    /// disputed, the other party answers, and the discussion is open again.
    /// </summary>
    private static async Task SeedDisputedSettlementAsync(DemoSteps steps, DateTimeOffset now, ForumActor priya, ForumActor dana,
        ForumActor greg, ForumActor sam)
    {
        var driveway = (await steps.At(TimeSpan.FromDays(24)).OpenDisputeAsync(priya, new OpenDisputeInput
        {
            Title = "Half the cost of resurfacing our shared driveway",
            Summary = "Dana and I share a driveway. We agreed it needed resurfacing; I paid the contractor £1,800 and "
                + "Dana has not paid her half.",
            Category = DisputeCategory.Neighbours,
            RespondentName = "Dana Whitfield",
            Statement = "Our houses share a gravel driveway that had sunk into ruts along both wheel tracks. In August Dana and I "
                + "agreed it needed redoing and that we would **split the cost**.\n\n"
                + "I got three quotes and booked the cheapest resin-bound surface, **£1,800**. The work was done in October; "
                + "the invoice and photos are available. Dana now says she will not pay £900.",
        })).Value!;
        Done(await steps.At(TimeSpan.FromDays(23.8)).AcceptInvitationAsync(dana, driveway.InvitationToken));
        Done(await steps.At(TimeSpan.FromDays(23.5)).SaveStatementAsync(dana, driveway.DisputeId,
            "I agreed the driveway needed work and that we would share it. I did not agree to resin: I understood we were "
            + "re-laying gravel, which the first quote put at **£1,100**. I saw the resin quote only after the contractor "
            + "was booked.\n\nI have always been willing to pay a fair share, just not half of a surface I never chose."));
        Done(await steps.Talk(TimeSpan.FromDays(22.8)).PostCommentAsync(greg, driveway.DisputeId,
            "Resin is nicer, but booking the dearer option before the other owner has seen the quote is asking for trouble."));
        var instalments = await steps.Offers(TimeSpan.FromDays(22)).MakeOfferAsync(dana, driveway.DisputeId, new OfferInput
        {
            Terms = "I pay Priya **£800** towards the resurfacing, in two bank transfers of £400: the first within a week, the "
                + "second by the date below.", Amount = 800m, Currency = "GBP", CarryOutBy = now.UtcDateTime.AddDays(-5).Date,
            ExpiresAt = now.UtcDateTime.AddDays(-20),
        });
        Done(instalments);
        Done(await steps.Offers(TimeSpan.FromDays(21.5)).AcceptOfferAsync(priya, instalments.Value));
        var unpaid = await steps.Reports(TimeSpan.FromDays(3)).ReportAsync(priya, driveway.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.NotHonoured,
            Note = "The first £400 arrived on time. The second was due on the date in the terms and has **not arrived**; "
                + "my two messages since have gone unanswered.",
        });
        Done(unpaid);
        Done(await steps.Reports(TimeSpan.FromDays(2.5)).AnswerReportAsync(dana, unpaid.Value, new ReportAnswerInput
        {
            Answer = "I am sorry. I set the second payment up as a standing order from my old account, which I closed in "
                + "November, and it bounced without the bank telling me. I sent the £400 from my new account today and will say "
                + "here when it has cleared.",
        }));
        Done(await steps.Talk(TimeSpan.FromDays(2)).PostCommentAsync(sam, driveway.DisputeId,
            "A bounced standing order happens to everyone. Priya, once the money is in, a line here would close this off."));
    }
}
