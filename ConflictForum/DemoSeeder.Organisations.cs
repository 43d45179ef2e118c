using ConflictForum.Features;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;

namespace ConflictForum;

public static partial class DemoSeeder
{
    /// <summary>
    /// The owners and the agent of the demo organisations (Northwind's agent is Nadia Brooks, support@), and readers whose
    /// votes give the organisations' closed disputes a public verdict (one needs ten votes).
    /// </summary>
    private static readonly (string DisplayName, string Email, string? Role)[] OrganisationAccounts =
    [
        ("Harriet Cole", "harriet@demo.conflictforum.local", null),
        ("Olga Petrova", "olga@demo.conflictforum.local", null),
        ("Ali Hassan", "ali@demo.conflictforum.local", null),
        ("Tom Hale", "tom@demo.conflictforum.local", null),
        ("Lena Fischer", "lena@demo.conflictforum.local", null),
        ("Omar Haddad", "omar@demo.conflictforum.local", null),
        ("Ruth Bell", "ruth@demo.conflictforum.local", null),
        ("Kofi Mensah", "kofi@demo.conflictforum.local", null),
    ];

    private static readonly Dictionary<string, string> OrganisationRoles = new(StringComparer.Ordinal)
    {
        ["harriet@demo.conflictforum.local"] = "owner of Northwind Appliances",
        ["support@demo.conflictforum.local"] = "agent of Northwind Appliances",
        ["olga@demo.conflictforum.local"] = "owner of Bolt Couriers Ltd",
        ["ali@demo.conflictforum.local"] = "agent of Bolt Couriers Ltd",
    };

    private static IEnumerable<(string DisplayName, string Email, string? Role)> AllAccounts => Accounts.Concat(OrganisationAccounts);

    /// <summary>How demo-accounts.txt labels an account: its forum role, or what it does for an organisation.</summary>
    private static string Note((string DisplayName, string Email, string? Role) account) =>
        account.Role is { } role ? $"  [{role}]"
        : OrganisationRoles.TryGetValue(account.Email, out var acts) ? $"  [{acts}]"
        : "";

    private static TimeSpan Days(double days) => TimeSpan.FromDays(days);

    /// <summary>
    /// Northwind Appliances (verified by an admin) and Bolt Couriers Ltd (verified by a mail to its domain), each created by
    /// its owner and joined by an agent through the link of an invitation mail, weeks before their first dispute.
    /// </summary>
    private static async Task SeedOrganisationsAsync(IServiceProvider services, DateTimeOffset now, Func<string, Task<ForumActor>> actor)
    {
        (OrganisationService Service, OrganisationTokens Tokens) At(TimeSpan ago)
        {
            var clock = new FixedClock(now - ago);
            var tokens = ActivatorUtilities.CreateInstance<OrganisationTokens>(services, clock);
            return (ActivatorUtilities.CreateInstance<OrganisationService>(services, clock, tokens,
                ActivatorUtilities.CreateInstance<ForumGuardian>(services, clock)), tokens);
        }
        async Task<int> CreateAsync(string ownerEmail, OrganisationInput input, TimeSpan ago)
        {
            var slug = await At(ago).Service.CreateAsync(await actor(ownerEmail), input);
            Done(slug);
            return (await services.GetRequiredService<OrganisationQueries>().GetAsync(slug.Value!, ForumActor.Anonymous))!.Organisation.Id;
        }
        async Task AgentAsync(int organisation, string ownerEmail, string email, TimeSpan ago)
        {
            // Invited as an owner invites (the mail goes where the demo's mail goes), then joined by the link it carries.
            var (service, tokens) = At(ago);
            Done(await service.InviteAgentAsync(await actor(ownerEmail), organisation, email));
            Done(await service.AcceptInvitationAsync(await actor(email),
                tokens.For(OrganisationTokens.Purpose.Agent, organisation, email)));
        }

        var northwind = await CreateAsync("harriet@demo.conflictforum.local", new OrganisationInput
        {
            Name = "Northwind Appliances", Slug = "northwind-appliances", Website = "https://northwind-appliances.example",
            Description = "Washing machines, fridges and cookers, delivered and installed across the north of England.",
        }, Days(55));
        Done(await At(Days(54)).Service.VerifyAsync(await actor("admin@demo.conflictforum.local"), northwind));
        await AgentAsync(northwind, "harriet@demo.conflictforum.local", "support@demo.conflictforum.local", Days(53));

        var bolt = await CreateAsync("olga@demo.conflictforum.local", new OrganisationInput
        {
            Name = "Bolt Couriers Ltd", Slug = "bolt-couriers", Website = "https://boltcouriers.example",
            Description = "Same-day and next-day parcel delivery for shops and private senders.",
        }, Days(50));
        var (confirming, tokens) = At(Days(49.9));
        Done(await confirming.ConfirmDomainAsync(tokens.For(OrganisationTokens.Purpose.Domain, bolt, "ops@boltcouriers.example")));
        await AgentAsync(bolt, "olga@demo.conflictforum.local", "ali@demo.conflictforum.local", Days(49));
    }

    /// <summary>Demo members by the first part of their address, read one after another (the lookup shares one context).</summary>
    private static async Task<List<ForumActor>> PublicAsync(Func<string, Task<ForumActor>> actor, params string[] names)
    {
        var actors = new List<ForumActor>();
        foreach (var name in names) actors.Add(await actor($"{name}@demo.conflictforum.local"));
        return actors;
    }

    /// <summary>The public's votes on a dispute, one every two hours from <paramref name="daysAgo"/>.</summary>
    private static async Task VoteAsync(DemoSteps steps, int disputeId, double daysAgo,
        params (ForumActor Voter, FaultOption Option)[] votes)
    {
        for (var i = 0; i < votes.Length; i++)
        {
            Done(await steps.Talk(Days(daysAgo) - TimeSpan.FromHours(2 * i))
                .CastFaultVoteAsync(votes[i].Voter, disputeId, votes[i].Option));
        }
    }

    /// <summary>Four more disputes with Northwind, each ending differently, after the washer and the fridge.</summary>
    private static async Task SeedNorthwindAsync(DemoSteps steps, DateTimeOffset now, Func<string, Task<ForumActor>> actor)
    {
        var (nadia, harriet) = (await actor("support@demo.conflictforum.local"), await actor("harriet@demo.conflictforum.local"));
        var (ruth, kofi) = (await actor("ruth@demo.conflictforum.local"), await actor("kofi@demo.conflictforum.local"));

        // Answered within hours and settled the same day; both sides report it honoured.
        var dishwasher = (await steps.At(Days(34)).OpenDisputeAsync(ruth, new OpenDisputeInput
        {
            Title = "Dishwasher door hinge snapped on the second wash",
            Summary = "The door of a new Northwind dishwasher dropped open on its second wash; the hinge had snapped.",
            Category = DisputeCategory.Purchase, RespondentName = "Northwind Appliances",
            Statement = "Our Northwind **DW-450** was installed on a Monday. On the Wednesday the door fell open mid-wash: the left "
                + "hinge had snapped clean through. I would like an engineer to fit a new hinge this week, or a new machine.",
        })).Value!;
        Done(await steps.At(Days(33.9)).JoinForOrganisationAsync(nadia, dishwasher.DisputeId));
        Done(await steps.At(Days(33.85)).SaveStatementAsync(nadia, dishwasher.DisputeId,
            "We are sorry: a hinge should never fail on the second wash. The DW-450 hinge comes from one supplier, and we have "
            + "seen two others from the same batch. We will fit a new hinge from a later batch."));
        var hinge = await steps.Offers(Days(33.8)).MakeOfferAsync(nadia, dishwasher.DisputeId, new OfferInput
        {
            Terms = "An engineer fits a new hinge **within three days**, at a time Ms Bell chooses, and checks the other one.",
            CarryOutBy = now.UtcDateTime.AddDays(-30).Date, ExpiresAt = now.UtcDateTime.AddDays(-31),
        });
        Done(hinge);
        Done(await steps.Offers(Days(33.6)).AcceptOfferAsync(ruth, hinge.Value));
        Done(await steps.Reports(Days(29.5)).ReportAsync(ruth, dishwasher.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.Honoured, Note = "The engineer came the next morning and replaced both hinges. Quick and polite.",
        }));
        Done(await steps.Reports(Days(29)).ReportAsync(harriet, dishwasher.DisputeId, new ReportInput
        {
            Verdict = ReportVerdict.Honoured, Note = "Both hinges replaced on the second day; we have withdrawn the rest of that batch.",
        }));

        // Never answered: the response window passed and voting closed on the claimant's side alone.
        Done(await steps.At(Days(22)).OpenDisputeAsync(kofi, new OpenDisputeInput
        {
            Title = "Tumble dryer collected for repair eight weeks ago",
            Summary = "Northwind collected my tumble dryer for a warranty repair in October. It has not come back, and nobody "
                + "answers about it.",
            Category = DisputeCategory.Service, RespondentName = "Northwind Appliances",
            Statement = "Northwind collected my **TD-200** dryer on 9 October for a warranty repair (job 77120), promising it back "
                + "within ten working days.\n\nEight weeks later it has not come back. I have called five times and been told "
                + "each time that someone will ring me back. I want the dryer back repaired, or a replacement.",
        }));
        await SeedNorthwindVerdictAsync(steps, actor, harriet);
        await SeedNorthwindCounterOfferAsync(steps, now, actor, nadia);
    }

    /// <summary>Answered by the owner, voted on by the public, and closed with a clear verdict against Northwind.</summary>
    private static async Task SeedNorthwindVerdictAsync(DemoSteps steps, Func<string, Task<ForumActor>> actor, ForumActor harriet)
    {
        var omar = await actor("omar@demo.conflictforum.local");
        var oven = (await steps.At(Days(26)).OpenDisputeAsync(omar, new OpenDisputeInput
        {
            Title = "Oven delivered with a cracked glass door",
            Summary = "My new oven arrived with a crack across the inner glass. Northwind says I signed for it undamaged.",
            Category = DisputeCategory.Purchase, RespondentName = "Northwind Appliances",
            Statement = "The **OV-600** oven was delivered boxed on 3 November. The driver asked me to sign on his handheld before I "
                + "could open the box. When I unpacked it, the inner door glass was cracked corner to corner (photos on request).\n\n"
                + "I reported it within the hour. Northwind will only sell me a replacement door for £95.",
        })).Value!;
        Done(await steps.At(Days(25.5)).JoinForOrganisationAsync(harriet, oven.DisputeId));
        Done(await steps.At(Days(25.4)).SaveStatementAsync(harriet, oven.DisputeId,
            "Mr Haddad signed the delivery note, which says the goods were received in good condition. Our drivers are told to "
            + "let customers check the goods first; we cannot tell whether the crack happened after delivery."));
        Done(await steps.At(Days(25)).PostReplyAsync(omar, oven.DisputeId,
            "I could not check it: the glass is inside a sealed box, and the driver would not wait. I rang within the hour."));
        var voters = await PublicAsync(actor, "dana", "sam", "priya", "greg", "moderator", "admin", "mediator", "tom", "lena", "ruth");
        await VoteAsync(steps, oven.DisputeId, 24, [.. voters.Select((voter, i) =>
            (voter, i == 4 ? FaultOption.Both : FaultOption.RespondentAtFault))]);
    }

    /// <summary>Still open for votes: the customer's offer declined with a reason, Northwind's own offer countered.</summary>
    private static async Task SeedNorthwindCounterOfferAsync(DemoSteps steps, DateTimeOffset now, Func<string, Task<ForumActor>> actor,
        ForumActor nadia)
    {
        var lena = await actor("lena@demo.conflictforum.local");
        var microwave = (await steps.At(Days(5)).OpenDisputeAsync(lena, new OpenDisputeInput
        {
            Title = "Microwave sparks inside after a month of light use",
            Summary = "A month-old Northwind microwave sparks and smells of burning; I want my money back, not a repair.",
            Category = DisputeCategory.Purchase, RespondentName = "Northwind Appliances",
            Statement = "The **MW-20** microwave (£189) started sparking inside four weeks after I bought it, heating only a mug of "
                + "milk. I no longer trust it in a flat with children and would like a **full refund**.",
        })).Value!;
        Done(await steps.At(Days(4.8)).JoinForOrganisationAsync(nadia, microwave.DisputeId));
        Done(await steps.At(Days(4.7)).SaveStatementAsync(nadia, microwave.DisputeId,
            "Sparking in an MW-20 is nearly always a loose waveguide cover, a £4 part fitted in ten minutes. The oven is safe "
            + "once it is fitted, and the repair is free under the warranty."));
        var refund = await steps.Offers(Days(4)).MakeOfferAsync(lena, microwave.DisputeId, new OfferInput
        {
            Terms = "Northwind collects the microwave and refunds the **full price**.", Amount = 189m, Currency = "GBP",
            ExpiresAt = now.UtcDateTime.AddDays(-2),
        });
        Done(refund);
        Done(await steps.Offers(Days(3.5)).DeclineOfferAsync(nadia, refund.Value, new OfferAnswerInput
        {
            Reason = "The fault is a £4 part and the oven is safe once it is fitted; a refund is not proportionate.",
        }));
        var repair = await steps.Offers(Days(3.4)).MakeOfferAsync(nadia, microwave.DisputeId, new OfferInput
        {
            Terms = "An engineer fits a new waveguide cover at home this week, and we add a £20 voucher for the trouble.",
            ExpiresAt = now.UtcDateTime.AddDays(1),
        });
        Done(repair);
        Done(await steps.Offers(Days(3)).MakeOfferAsync(lena, microwave.DisputeId, new OfferInput
        {
            Terms = "Northwind collects the microwave and refunds **£150** of the £189, keeping £39 for the month I used it.",
            Amount = 150m, Currency = "GBP", ExpiresAt = now.UtcDateTime.AddDays(2), // voting ends in 2.3 days
        }, counters: repair.Value));
    }
}
