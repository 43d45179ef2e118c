using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;

namespace ConflictForum;

public static partial class DemoSeeder
{
    /// <summary>
    /// Stuck between two statements, the buyer asks for a mediator and the seller agrees; a neutral mediator suggests a test
    /// both accept, then proposes terms both accept; the settlement is carried out and both report it honoured.
    /// </summary>
    private static async Task SeedMediatedAsync(DemoSteps steps, DateTimeOffset now, ForumActor greg, ForumActor sam, ForumActor ines)
    {
        var bike = (await steps.At(TimeSpan.FromDays(16)).OpenDisputeAsync(greg, new OpenDisputeInput
        {
            Title = "Second-hand e-bike's \"barely used\" battery lasts eight miles",
            Summary = "I paid £650 for a used e-bike advertised with a barely used battery. Two weeks later a full charge gets "
                + "me eight miles instead of forty.",
            Category = DisputeCategory.Purchase,
            RespondentName = "Sam Okafor",
            Statement = "Sam's listing said the bike was \"serviced, battery **barely used**, 40 miles a charge\". I paid **£650** "
                + "and collected it on 4 November.\n\nBy 18 November a full charge lasted **eight miles** on my flat commute. A "
                + "reconditioned battery costs £360. I would like Sam to pay for it.",
        })).Value!;
        Done(await steps.At(TimeSpan.FromDays(15.8)).AcceptInvitationAsync(sam, bike.InvitationToken));
        Done(await steps.At(TimeSpan.FromDays(15.5)).SaveStatementAsync(sam, bike.DisputeId,
            "The battery did forty miles when I last rode it in September. Batteries lose range in the cold, and Greg is heavier "
            + "than me and rides on full assist.\n\nI sold the bike as seen; Greg rode it round the block before paying."));

        var mediate = await steps.Mediate(TimeSpan.FromDays(15)).RequestAsync(greg, bike.DisputeId);
        Done(mediate);
        Done(await steps.Mediate(TimeSpan.FromDays(14.8)).AnswerRequestAsync(sam, mediate.Value, agree: true));
        Done(await steps.Mediate(TimeSpan.FromDays(14.5)).TakeAsync(ines, mediate.Value));
        Done(await steps.Mediate(TimeSpan.FromDays(14.4)).PostNoteAsync(ines, mediate.Value, new MediatorTextInput
        {
            Text = "Thank you both. Range depends on the weather and the rider, as Sam says, but a battery's **charge-cycle "
                + "count** does not: any bike shop can read it in a few minutes. Would you each accept the reading of a shop "
                + "you both agree on?",
        }));
        Done(await steps.Mediate(TimeSpan.FromDays(12)).PostNoteAsync(ines, mediate.Value, new MediatorTextInput
        {
            Text = "Greg has shared the shop's reading: **812 cycles**, about 70% of the battery's rated life. That is not "
                + "\"barely used\", and it is also not a dead battery. I will put forward terms that share the cost.",
        }));
        var proposal = await steps.Mediate(TimeSpan.FromDays(11.8)).ProposeAsync(ines, mediate.Value, new OfferInput
        {
            Terms = "Sam pays Greg **£180**, half the price of a reconditioned battery, by bank transfer by the date below. Greg "
                + "keeps the bike and fits the new battery himself.", Amount = 180m, Currency = "GBP",
            CarryOutBy = now.UtcDateTime.AddDays(-5).Date, ExpiresAt = now.UtcDateTime.AddDays(-9),
        });
        Done(proposal);
        Done(await steps.Mediate(TimeSpan.FromDays(11.5)).AcceptProposalAsync(sam, proposal.Value));
        Done(await steps.Mediate(TimeSpan.FromDays(11)).AcceptProposalAsync(greg, proposal.Value));
        Done(await steps.Reports(TimeSpan.FromDays(4.5)).ReportAsync(greg, bike.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.Honoured, Note = "The £180 arrived two days before the date. The new battery does 38 miles.",
        }));
        Done(await steps.Reports(TimeSpan.FromDays(4)).ReportAsync(sam, bike.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.Honoured, Note = "Paid before the date, as agreed. Thanks to Ines for the battery-test idea.",
        }));
    }
}
