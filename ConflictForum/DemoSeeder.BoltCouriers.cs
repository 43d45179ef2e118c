using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;

namespace ConflictForum;

public static partial class DemoSeeder
{
    /// <summary>Bolt Couriers Ltd's disputes, each ending differently: answered by its agent or its owner.</summary>
    private static async Task SeedBoltAsync(DemoSteps steps, DateTimeOffset now, Func<string, Task<ForumActor>> actor)
    {
        var (olga, ali) = (await actor("olga@demo.conflictforum.local"), await actor("ali@demo.conflictforum.local"));
        await SeedBoltDisputedSettlementAsync(steps, now, actor, olga, ali);
        await SeedBoltVerdictAsync(steps, actor, olga);

        // Answered within the hour and settled on the customer's own offer; both sides report it honoured.
        var ruth = await actor("ruth@demo.conflictforum.local");
        var cake = (await steps.At(Days(12)).OpenDisputeAsync(ruth, new OpenDisputeInput
        {
            Title = "Same-day birthday cake delivered a day late",
            Summary = "I paid £14.99 for same-day delivery of a birthday cake. It arrived the next afternoon, after the party.",
            Category = DisputeCategory.Service, RespondentName = "Bolt Couriers Ltd",
            Statement = "I booked **same-day delivery** (£14.99, booking BC-88310) for a cake to my niece's party. The tracking "
                + "said \"out for delivery\" all day; the cake came the next afternoon. I would like the delivery fee back.",
        })).Value!;
        Done(await steps.At(Days(11.97)).JoinForOrganisationAsync(ali, cake.DisputeId));
        Done(await steps.At(Days(11.95)).SaveStatementAsync(ali, cake.DisputeId,
            "Ms Bell is right. The van broke down on the ring road and the parcels were not moved to another van that day. "
            + "That should not have happened."));
        var fee = await steps.Offers(Days(11.9)).MakeOfferAsync(ruth, cake.DisputeId, new OfferInput
        {
            Terms = "Bolt refunds the same-day fee of **£14.99** to my card within five days.", Amount = 14.99m, Currency = "GBP",
            CarryOutBy = now.UtcDateTime.AddDays(-7).Date, ExpiresAt = now.UtcDateTime.AddDays(-10),
        });
        Done(fee);
        Done(await steps.Offers(Days(11.85)).AcceptOfferAsync(ali, fee.Value));
        Done(await steps.Reports(Days(6.5)).ReportAsync(ruth, cake.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.Honoured, Note = "The £14.99 was back on my card two days later.",
        }));
        Done(await steps.Reports(Days(6)).ReportAsync(ali, cake.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.Honoured, Note = "Refunded on the second day.",
        }));

        // Still waiting for Bolt's answer: its owner and agent were told, and its response window runs.
        Done(await steps.At(TimeSpan.FromHours(20)).OpenDisputeAsync(await actor("dana@demo.conflictforum.local"), new OpenDisputeInput
        {
            Title = "Parcel returned to sender after one attempt",
            Summary = "Bolt's driver made one attempt while I was home, left no card, and sent my parcel back to the seller.",
            Category = DisputeCategory.Service, RespondentName = "Bolt Couriers Ltd",
            Statement = "The tracking for parcel **BC-90417** says a delivery was attempted at 10:14 on Tuesday. I was at home all "
                + "morning; nobody rang and no card was left. On Wednesday it was returned to the seller, who now charges me "
                + "£8 to send it again. I would like Bolt to pay the £8.",
        }));
    }

    /// <summary>Settled with a refund, then reported not honoured when it never came: the settlement is disputed.</summary>
    private static async Task SeedBoltDisputedSettlementAsync(DemoSteps steps, DateTimeOffset now, Func<string, Task<ForumActor>> actor,
        ForumActor olga, ForumActor ali)
    {
        var tom = await actor("tom@demo.conflictforum.local");
        var rain = (await steps.At(Days(27)).OpenDisputeAsync(tom, new OpenDisputeInput
        {
            Title = "Parcel left on the doorstep in the rain, books ruined",
            Summary = "Bolt left a box of books on my open doorstep in a downpour although I had asked for a neighbour delivery.",
            Category = DisputeCategory.Service, RespondentName = "Bolt Couriers Ltd",
            Statement = "My delivery instructions said **\"leave with No. 12 if I am out\"**. The driver left the box on my open "
                + "doorstep during a downpour instead. Six books worth **£86** were soaked through. I would like them refunded.",
        })).Value!;
        Done(await steps.At(Days(26.9)).JoinForOrganisationAsync(ali, rain.DisputeId));
        Done(await steps.At(Days(26.8)).SaveStatementAsync(ali, rain.DisputeId,
            "The driver's photo shows the box on the step, which our system allowed because no safe place was blocked. The "
            + "instruction to leave it with a neighbour should have been followed. We will refund the books."));
        var refund = await steps.Offers(Days(26)).MakeOfferAsync(ali, rain.DisputeId, new OfferInput
        {
            Terms = "Bolt refunds **£86** for the books by bank transfer by the date below.", Amount = 86m, Currency = "GBP",
            CarryOutBy = now.UtcDateTime.AddDays(-20).Date, ExpiresAt = now.UtcDateTime.AddDays(-24),
        });
        Done(refund);
        Done(await steps.Offers(Days(25.8)).AcceptOfferAsync(tom, refund.Value));
        var unpaid = await steps.Reports(Days(18)).ReportAsync(tom, rain.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.NotHonoured,
            Note = "The date has passed and **no money has arrived**. Two e-mails to Bolt's claims team have had no answer.",
        });
        Done(unpaid);
        Done(await steps.Reports(Days(17.5)).AnswerReportAsync(olga, unpaid.Value, new ReportAnswerInput
        {
            Answer = "Our claims team paid it to the account on Mr Hale's booking, which he has since closed, and the bank "
                + "returned it. Please send your new bank details to our claims team and we will pay within two days.",
        }));
    }

    /// <summary>The customer's own choice of safe place lost the parcel: the public finds the claimant at fault.</summary>
    private static async Task SeedBoltVerdictAsync(DemoSteps steps, Func<string, Task<ForumActor>> actor, ForumActor olga)
    {
        var greg = await actor("greg@demo.conflictforum.local");
        var missing = (await steps.At(Days(24)).OpenDisputeAsync(greg, new OpenDisputeInput
        {
            Title = "Parcel marked delivered but never arrived",
            Summary = "Bolt says it delivered my £120 headphones. I never received them and want a refund from Bolt.",
            Category = DisputeCategory.Service, RespondentName = "Bolt Couriers Ltd",
            Statement = "Bolt's tracking says my headphones (**£120**) were delivered on 14 November. I never got them. "
                + "Bolt should refund me: it was their job to get them to me.",
        })).Value!;
        Done(await steps.At(Days(23.6)).JoinForOrganisationAsync(olga, missing.DisputeId));
        Done(await steps.At(Days(23.5)).SaveStatementAsync(olga, missing.DisputeId,
            "Mr Marsh's account has a standing safe-place instruction, set by him in August: **\"in the green bin by the gate\"**. "
            + "The driver's photo at 11:02 shows the parcel going into that bin. The council emptied the bins that afternoon."));
        Done(await steps.At(Days(23)).PostReplyAsync(greg, missing.DisputeId,
            "I forgot that instruction was still set; it was meant for one parcel. Still, a driver should see it is a wheelie bin."));
        var voters = await PublicAsync(actor, "dana", "sam", "priya", "moderator", "admin", "mediator", "tom", "lena", "omar", "kofi");
        await VoteAsync(steps, missing.DisputeId, 22, [.. voters.Select((voter, i) =>
            (voter, i == 7 ? FaultOption.Neither : FaultOption.ClaimantAtFault))]);
    }
}
