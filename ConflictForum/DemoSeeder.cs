using System.Security.Cryptography;
using ConflictForum.Features;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum;

/// <summary>
/// Development only, on an empty database: demo members to sign in as. Their shared password is made at random on
/// the first start and written to <c>demo-accounts.txt</c> in the data folder, so no password lives in the code.
/// </summary>
public static partial class DemoSeeder
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeded {Count} demo accounts; their password is {Password} (also in {File}).")]
    private static partial void LogSeeded(ILogger logger, int count, string password, string file);

    private static readonly (string DisplayName, string Email, string? Role)[] Accounts =
    [
        ("Dana Whitfield", "dana@demo.conflictforum.local", null),
        ("Nadia Brooks", "support@demo.conflictforum.local", null),
        ("Sam Okafor", "sam@demo.conflictforum.local", null),
        ("Priya Raman", "priya@demo.conflictforum.local", null),
        ("Greg Marsh", "greg@demo.conflictforum.local", null),
        ("Morgan Reyes", "moderator@demo.conflictforum.local", ForumRoles.Moderator),
        ("Alex Chen", "admin@demo.conflictforum.local", ForumRoles.Admin),
        ("Ines Ward", "mediator@demo.conflictforum.local", ForumRoles.Mediator),
    ];

    public static async Task SeedAsync(IServiceProvider services, string dataFolder, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        if (await users.Users.AnyAsync()) return;

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var password = "demo-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        foreach (var (displayName, email, role) in AllAccounts)
        {
            var user = new ForumUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = displayName, CreatedAt = clock.GetUtcNow().UtcDateTime.AddDays(-60), // members for a while
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            if (role is not null) await users.AddToRoleAsync(user, role);
        }

        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, "demo-accounts.txt");
        string[] header = ["Demo accounts (Development only). Every account uses the password below.", $"password: {password}", ""];
        await File.WriteAllLinesAsync(file, header.Concat(AllAccounts.Select(a => $"{a.Email}  {a.DisplayName}{Note(a)}")));
        LogSeeded(logger, AllAccounts.Count(), password, file);

        await SeedDisputesAsync(scope.ServiceProvider, clock.GetUtcNow());
    }

    /// <summary>Believable disputes in different states, written through the real service at past instants.</summary>
    private static async Task SeedDisputesAsync(IServiceProvider services, DateTimeOffset now)
    {
        var actors = services.GetRequiredService<ForumActors>();
        async Task<ForumActor> Actor(string email) =>
            await actors.ForUserAsync((await services.GetRequiredService<UserManager<ForumUser>>().FindByEmailAsync(email))!.Id);
        await SeedOrganisationsAsync(services, now, Actor); // before the first dispute with Northwind, which is against it
        // A service writing at a past instant: its write reads that moment, and the guardian judges on the same clock.
        (TimeProvider Clock, DisputeWriter Writer, ForumGuardian Guardian) Past(TimeSpan ago)
        {
            var clock = new FixedClock(now - ago);
            return (clock, ActivatorUtilities.CreateInstance<DisputeWriter>(services, clock),
                ActivatorUtilities.CreateInstance<ForumGuardian>(services, clock));
        }
        SettlementReportService Reports(TimeSpan ago)
        {
            var (_, writer, guardian) = Past(ago);
            return ActivatorUtilities.CreateInstance<SettlementReportService>(services, writer, guardian);
        }
        OfferService Offers(TimeSpan ago)
        {
            var (_, writer, guardian) = Past(ago);
            return ActivatorUtilities.CreateInstance<OfferService>(services, writer, guardian);
        }
        DisputeService At(TimeSpan ago)
        {
            var (clock, writer, guardian) = Past(ago);
            return ActivatorUtilities.CreateInstance<DisputeService>(services, clock, writer, guardian);
        }
        var dana = await Actor("dana@demo.conflictforum.local");
        var northwind = await Actor("support@demo.conflictforum.local");
        var sam = await Actor("sam@demo.conflictforum.local");
        var priya = await Actor("priya@demo.conflictforum.local");
        var greg = await Actor("greg@demo.conflictforum.local");

        // Open, both sides and a reply each.
        var washer = (await At(TimeSpan.FromDays(2)).OpenDisputeAsync(dana, new OpenDisputeInput
        {
            Title = "Washing machine failed after three weeks; refund refused",
            Summary = "A new washing machine stopped spinning 22 days after delivery. Northwind offers a repair visit in five weeks; "
                + "I want a refund or a replacement now.",
            Category = DisputeCategory.Purchase,
            RespondentName = "Northwind Appliances",
            Statement = "I bought a **Northwind WM-800** washing machine on 2 November (order 48213). It was delivered on 4 November.\n\n"
                + "On 26 November it stopped spinning mid-cycle and shows error **E21**. I have:\n\n"
                + "- reset it twice, as the manual says\n- cleaned the filter\n- sent Northwind a video of the fault\n\n"
                + "Northwind's support offered an engineer visit on **3 January**, five weeks away. Under the 30-day right to reject "
                + "a faulty product I asked for a refund; they said a repair must be tried first.\n\n"
                + "> I have a family of four and no working washing machine for over a month is not a reasonable remedy.\n\n"
                + "I am asking for a full refund (£549) or a replacement delivered within a week.",
        })).Value!;
        Done(await At(TimeSpan.FromDays(1.8)).JoinForOrganisationAsync(northwind, washer.DisputeId));
        Done(await At(TimeSpan.FromDays(1.7)).SaveStatementAsync(northwind, washer.DisputeId,
            "We are sorry the machine failed. Error **E21** is almost always a blocked drain pump, "
            + "which an engineer fixes in one visit.\n\n"
            + "Our terms (section 7.2) offer a repair first for faults reported after 14 days. "
            + "Engineer availability in Ms Whitfield's area is "
            + "limited in December, which is why the first slot was 3 January.\n\n"
            + "We have now found an earlier slot on **12 December** and offer a £50 voucher for the inconvenience."));
        Done(await At(TimeSpan.FromDays(1.5)).PostReplyAsync(dana, washer.DisputeId,
            "The fault was reported on day 22, inside the 30-day window. A voucher does not help me wash clothes. "
            + "I would accept a replacement by 6 December."));
        Done(await At(TimeSpan.FromDays(1.2)).PostReplyAsync(northwind, washer.DisputeId,
            "We can offer a replacement from the Leeds warehouse, delivered 9 December, collecting the faulty unit at the same time."));

        // The public weighs in on the open dispute.
        var morgan = await Actor("moderator@demo.conflictforum.local");
        var alex = await Actor("admin@demo.conflictforum.local");
        DeliberationService Talk(TimeSpan ago)
        {
            var (_, writer, guardian) = Past(ago);
            return ActivatorUtilities.CreateInstance<DeliberationService>(services, writer, guardian); // votes at that instant too
        }
        var rightToReject = await Talk(TimeSpan.FromHours(26)).PostCommentAsync(sam, washer.DisputeId,
            "Day 22 is inside the 30-day short-term right to reject, so a refund shouldn't need a repair attempt first.");
        Done(await Talk(TimeSpan.FromHours(25)).PostCommentAsync(northwind, washer.DisputeId,
            "Fair point. That is why we have offered a replacement rather than only a repair.", replyTo: rightToReject.Value));
        Done(await Talk(TimeSpan.FromHours(24)).PostCommentAsync(priya, washer.DisputeId,
            "Five weeks without a washing machine with a family of four is a long time. Did anyone offer a loan unit?"));
        var replacement = await Talk(TimeSpan.FromHours(23)).ProposeResolutionAsync(priya, washer.DisputeId,
            "Replacement by 9 December plus the £50 voucher",
            "Northwind delivers a new WM-800 by **9 December**, collects the faulty one, and still gives the £50 voucher.");
        Done(await Talk(TimeSpan.FromHours(22)).AnswerResolutionAsync(northwind, replacement.Value, PartyAnswer.Accepts));
        foreach (var (voter, option, supports) in new[]
                 {
                     (sam, FaultOption.RespondentAtFault, true), (priya, FaultOption.Both, true),
                     (morgan, FaultOption.RespondentAtFault, true), (alex, FaultOption.RespondentAtFault, false),
                 })
        {
            Done(await Talk(TimeSpan.FromHours(20)).CastFaultVoteAsync(voter, washer.DisputeId, option));
            Done(await Talk(TimeSpan.FromHours(20)).SetStanceAsync(voter, replacement.Value, supports));
        }

        // Moderation in the open: a comment with a private phone number, flagged and hidden with a public reason.
        ModerationService Moderate(TimeSpan ago)
        {
            var (clock, writer, guardian) = Past(ago);
            return ActivatorUtilities.CreateInstance<ModerationService>(services, clock, writer, guardian);
        }
        var phone = await Talk(TimeSpan.FromHours(19)).PostCommentAsync(sam, washer.DisputeId,
            "Skip support: the Leeds area manager's own mobile is 07700 900461, ring him directly.");
        Done(phone);
        Done(await Moderate(TimeSpan.FromHours(18)).FlagAsync(priya, ContentKind.Comment, phone.Value, FlagReason.PersonalInformation,
            "A staff member's private number"));
        Done(await Moderate(TimeSpan.FromHours(17)).HideAsync(morgan, ContentKind.Comment, phone.Value,
            "Personal information: a staff member's private phone number"));

        // Awaiting the other side.
        Done(await At(TimeSpan.FromHours(20)).OpenDisputeAsync(sam, new OpenDisputeInput
        {
            Title = "Neighbour's tree drops sap on my car every day",
            Summary = "A lime tree next door overhangs my driveway. I asked twice for it to be cut back; "
                + "the answer was that it is protected. It is not.",
            Category = DisputeCategory.Neighbours,
            RespondentName = "Greg at No. 14",
            Statement = "The lime tree in the garden of No. 14 overhangs my driveway by about **three metres**.\n\n"
                + "Every morning my car is covered in sticky sap. I asked Greg in June and again in September to cut back the overhang. "
                + "He told me the tree has a preservation order. The council's map shows **no order** on it (screenshot on request).\n\n"
                + "I am happy to pay half of a tree surgeon's fee to trim the branches back to the boundary.",
        }));

        // Waiting for the respondent's statement: Greg joined, and the public waits to hear him before it comments and votes.
        var deposit = (await At(TimeSpan.FromDays(1.5)).OpenDisputeAsync(dana, new OpenDisputeInput
        {
            Title = "Deposit kept for \"cleaning\" after a spotless move-out",
            Summary = "My landlord kept £400 of my £1,200 deposit for professional cleaning. "
                + "The flat was cleaned the day I left, and the check-out report says so.",
            Category = DisputeCategory.Other,
            RespondentName = "Greg Marsh",
            Statement = "I left the flat on **31 October**. The check-out report, signed by Greg's agent, rates every room "
                + "\"clean\".\n\nTwo weeks later I received £800 of my £1,200 deposit and an invoice for £400 of cleaning. "
                + "I have asked for the photos behind that invoice; none have come.",
        })).Value!;
        Done(await At(TimeSpan.FromHours(6)).AcceptInvitationAsync(greg, deposit.InvitationToken));

        // The other side never answered: opened without them.
        Done(await At(TimeSpan.FromDays(9)).OpenDisputeAsync(priya, new OpenDisputeInput
        {
            Title = "Logo delivered on time, balance of invoice still unpaid",
            Summary = "I designed a logo and signage for a bakery. They use the logo on their shop front and vans "
                + "but have not paid the second half of the fee.",
            Category = DisputeCategory.Service,
            RespondentName = "Bright Bakery Ltd",
            Statement = "| Item | Agreed | Paid |\n|---|---:|---:|\n"
                + "| Logo and brand sheet | £900 | £450 |\n| Shop signage files | £300 | £0 |\n\n"
                + "Both parts were delivered on **15 September**, on the agreed date. "
                + "Since October the logo is on their shop front and both vans.\n\n"
                + "I have sent three reminders. The only reply said the colours were \"not quite right\", "
                + "six weeks after they approved them in writing.",
        }));

        // Closed: both sides, voting over.
        var fence = (await At(TimeSpan.FromDays(20)).OpenDisputeAsync(sam, new OpenDisputeInput
        {
            Title = "Who pays for the storm-damaged fence between our gardens?",
            Summary = "A storm blew down the shared fence. I paid for a new one and asked my neighbour for half; "
                + "she says the fence was mine to maintain.",
            Category = DisputeCategory.Neighbours,
            RespondentName = "Priya Raman",
            Statement = "Storm Agnes flattened the fence between our gardens in October. It had stood for 15 years and we both used it.\n\n"
                + "I replaced it for **£1,240** (quote and receipt available) and asked Priya for half. She refused.",
        })).Value!;
        Done(await At(TimeSpan.FromDays(19)).AcceptInvitationAsync(priya, fence.InvitationToken));
        Done(await At(TimeSpan.FromDays(18.5)).SaveStatementAsync(priya, fence.DisputeId,
            "The title deeds mark the fence with a **T on Sam's side**, which means it belongs to his property and he maintains it.\n\n"
            + "I offered to help put it up and to pay for the paint. I was not asked before the contractor was booked."));
        Done(await At(TimeSpan.FromDays(18)).SaveStatementAsync(sam, fence.DisputeId,
            "Storm Agnes flattened the fence between our gardens in October. It had stood for 15 years and we both used it.\n\n"
            + "I replaced it for **£1,240** (quote and receipt available) and asked Priya for half. She refused.\n\n"
            + "_Update:_ the deeds do show the T-mark on my side. "
            + "I still think sharing the cost of storm damage is fair, as the old fence was shared."));

        // Settled by offer and counter-offer.
        var fridge = (await At(TimeSpan.FromDays(6)).OpenDisputeAsync(sam, new OpenDisputeInput
        {
            Title = "Fridge door seal split within a month",
            Summary = "The door seal of a new fridge split after four weeks; the fridge no longer keeps food cold.",
            Category = DisputeCategory.Purchase,
            RespondentName = "Northwind Appliances",
            Statement = "I bought a Northwind **FR-300** fridge on 2 November. After four weeks the door seal split along the hinge "
                + "side and the fridge now runs at 9 °C.\n\nI would like the fridge **replaced**.",
        })).Value!;
        Done(await At(TimeSpan.FromDays(5.9)).JoinForOrganisationAsync(northwind, fridge.DisputeId));
        Done(await At(TimeSpan.FromDays(5.8)).SaveStatementAsync(northwind, fridge.DisputeId,
            "A split seal is a wear part covered by the warranty: an engineer fits a new one in twenty minutes. "
            + "Replacing the whole fridge for a seal is not proportionate."));
        var asked = await Offers(TimeSpan.FromDays(5)).MakeOfferAsync(sam, fridge.DisputeId, new OfferInput
        {
            Terms = "Replace the fridge with a new FR-300 and take the old one away.", ExpiresAt = now.UtcDateTime.AddDays(-3),
        });
        Done(asked);
        Done(await Offers(TimeSpan.FromDays(4.5)).MakeOfferAsync(northwind, fridge.DisputeId, new OfferInput
        {
            Terms = "An engineer fits a **new door seal** at a time that suits Mr Okafor, and we refund the cost of the food "
                + "he lost.", Amount = 40m, Currency = "GBP", CarryOutBy = now.UtcDateTime.AddDays(-2).Date,
            ExpiresAt = now.UtcDateTime.AddDays(-2.5),
        }, counters: asked.Value));
        var countered = await services.GetRequiredService<SettlementQueries>().GetAsync(fridge.DisputeId, ForumActor.Anonymous);
        Done(await Offers(TimeSpan.FromDays(4)).AcceptOfferAsync(sam, countered!.Offers[0].Id));
        Done(await Reports(TimeSpan.FromDays(1)).ReportAsync(sam, fridge.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.Honoured,
            Note = "The engineer came on the agreed day and fitted a new seal; the £40 arrived the next morning.",
        }));

        // Settled, then reported not honoured: the settlement disputed and the discussion open again.
        var steps = new DemoSteps(At, Offers, Reports, Talk, ago =>
        {
            var (_, writer, guardian) = Past(ago);
            return ActivatorUtilities.CreateInstance<Features.Mediations.MediationService>(services, writer, guardian);
        });
        await SeedDisputedSettlementAsync(steps, now, priya, dana, greg, sam);

        // Settled on a mediator's proposal, and both parties reported it honoured.
        await SeedMediatedAsync(steps, now, greg, sam, await Actor("mediator@demo.conflictforum.local"));
        await SeedNorthwindAsync(steps, now, Actor);
        await SeedBoltAsync(steps, now, Actor);

        // Bring every demo dispute to today's deadlines.
        await services.GetRequiredService<DisputeService>().ApplyDueDeadlinesAsync();
    }

    /// <summary>A demo step that fails is a bug in the seed: stop loudly instead of showing a half-built demo.</summary>
    private static void Done(Outcome outcome)
    {
        if (!outcome.Succeeded) throw new InvalidOperationException($"Demo data: {outcome.Message}");
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
