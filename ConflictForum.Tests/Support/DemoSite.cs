using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConflictForum.Tests.Support;

/// <summary>One page of the site as one person sees it: who (an account of <see cref="DemoSite.Accounts"/>), a name, an address.</summary>
public sealed record SitePage(string Who, string Name, string Path);

/// <summary>
/// The demo site (every kind of dispute, organisations, moderation, mediation, all seeded through the real services) and
/// one more dispute typed to break a phone's layout: an unbroken 200-character word and a long address in its title,
/// summary, statement, a party's name and a comment. One app for all of a class's tests; <see cref="Pages"/> lists every
/// page of the forum as each kind of person sees it.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    /// <summary>A word no line can break, as a member might paste it.</summary>
    public static readonly string LongWord = string.Concat(Enumerable.Repeat("Pneumonoultramicroscopic", 9))[..200];

    /// <summary>An address as long as a tracking link.</summary>
    public static readonly string LongUrl = "https://tracking.example/parcel/" + string.Concat(Enumerable.Repeat("a1b2c3d4e5", 16));

    /// <summary>Who visits: a reader who is not signed in (no address) and the demo accounts for each standing.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Accounts = new Dictionary<string, string?>
    {
        ["reader"] = null,
        ["member"] = "greg@demo.conflictforum.local",
        ["party"] = "dana@demo.conflictforum.local",
        ["owner"] = "harriet@demo.conflictforum.local",
        ["moderator"] = "moderator@demo.conflictforum.local",
        ["admin"] = "admin@demo.conflictforum.local",
        ["mediator"] = "mediator@demo.conflictforum.local",
    };

    // Every role signs in from this one address, more often than the sign-in limit allows a real network (which has its own
    // tests): the limit is raised so the gate never meets it.
    public ForumAppFactory App { get; } = new(kestrel: true, settings: new Dictionary<string, string?>
    {
        ["SeedDemoData"] = "true", ["AbuseLimits:AccountPostsPerMinute"] = "1000",
    });

    public IReadOnlyList<SitePage> Pages { get; private set; } = [];

    private string password = "";

    public async Task InitializeAsync()
    {
        _ = App.RootUri; // starts the app, which seeds the demo
        var file = await File.ReadAllLinesAsync(Path.Combine(App.DataFolder, "demo-accounts.txt"));
        password = file.Single(line => line.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];
        var longWords = await LongWordDisputeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        int Dispute(string title) => db.Disputes.Where(d => d.Title.StartsWith(title)).Select(d => d.Id).Single();
        var washer = Dispute("Washing machine");
        var fridge = Dispute("Fridge door seal");
        var bike = Dispute("Second-hand e-bike");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var dana = (await users.FindByEmailAsync(Accounts["party"]!))!.Id;
        var greg = (await users.FindByEmailAsync(Accounts["member"]!))!.Id;
        const string northwind = "/organisations/northwind-appliances";
        Pages =
        [
            new("reader", "home", "/"),
            new("reader", "disputes", "/disputes"),
            new("reader", "dispute", "/" + DisputeAddresses.DisputeUrl(washer)),
            new("reader", "dispute (settled)", "/" + DisputeAddresses.DisputeUrl(fridge)),
            new("reader", "dispute (mediated)", "/" + DisputeAddresses.DisputeUrl(bike)),
            new("reader", "dispute (long words)", "/" + DisputeAddresses.DisputeUrl(longWords)),
            new("reader", "dispute, record checked", "/" + DisputeAddresses.VerifyUrl(washer)),
            new("reader", "statement history", "/" + DisputeAddresses.StatementUrl(washer, "claimant")),
            new("reader", "statement history (long words)", "/" + DisputeAddresses.StatementUrl(longWords, "claimant")),
            new("reader", "member's page", "/" + DisputeAddresses.MemberUrl(dana)),
            new("reader", "organisations", "/organisations"),
            new("reader", "organisation", northwind),
            new("reader", "moderation log", "/moderation/log"),
            new("reader", "sign in", "/Account/Login"),
            new("reader", "register", "/Account/Register"),
            new("reader", "forgot password", "/Account/ForgotPassword"),
            new("reader", "resend confirmation", "/Account/ResendEmailConfirmation"),
            new("reader", "password reset sent", "/Account/ForgotPasswordConfirmation"),
            new("reader", "invalid reset link", "/Account/InvalidPasswordReset"),
            new("reader", "locked out", "/Account/Lockout"),
            new("reader", "unsubscribe (no token)", "/unsubscribe"),
            new("reader", "not found", "/not-found"),
            new("member", "home", "/"),
            new("member", "dispute", "/" + DisputeAddresses.DisputeUrl(washer)),
            new("member", "dispute (long words)", "/" + DisputeAddresses.DisputeUrl(longWords)),
            new("member", "new dispute", "/disputes/new"),
            new("member", "notifications", "/notifications"),
            new("member", "my disputes", "/my/disputes"),
            new("member", "own page", "/" + DisputeAddresses.MemberUrl(greg)),
            new("member", "new organisation", "/organisations/new"),
            new("member", "account", "/Account/Manage"),
            new("member", "change password", "/Account/Manage/ChangePassword"),
            new("member", "access denied", "/Account/AccessDenied"),
            new("party", "dispute", "/" + DisputeAddresses.DisputeUrl(washer)),
            new("party", "my disputes", "/my/disputes"),
            new("party", "notifications", "/notifications"),
            new("owner", "organisation (manage)", northwind),
            new("owner", "crisis report", northwind + "/report"),
            new("moderator", "moderation queue", "/moderation"),
            new("moderator", "dispute (hidden comment)", "/" + DisputeAddresses.DisputeUrl(washer)),
            new("admin", "roles", "/admin/roles"),
            new("admin", "recount", "/admin/recount"),
            new("mediator", "mediation queue", "/mediation"),
            new("mediator", "dispute (mediated)", "/" + DisputeAddresses.DisputeUrl(bike)),
        ];
    }

    /// <summary>A new browser context at the site, signed in as <paramref name="who"/> unless a reader; its page.</summary>
    public async Task<IPage> VisitAsAsync(IBrowserContext context, string who) =>
        Accounts[who] is { } email
            ? await BrowserJourney.SignedInPageAsync(context, email, password)
            : await context.NewPageAsync();

    private async Task<int> LongWordDisputeAsync()
    {
        var given = new Scenario(App);
        var input = Scenario.Dispute(
            title: "Refund " + LongWord[..110],
            summary: $"{LongWord} {LongUrl}",
            respondentName: "Shop" + LongWord[..90],
            statement: $"The {LongWord} arrived broken. Tracking: {LongUrl}\n\n    {LongWord} {LongWord}\n\n"
                + $"`{LongWord}`\n\n| Order | Item | Tracking | Notes |\n|---|---|---|---|\n| 1 | {LongWord} | {LongUrl} | none |");
        var parties = await given.DisputeBetweenAsync("Wilhelmina Featherstonehaugh", LongWord[..32], input);
        await given.CommentAsync(await given.MemberAsync(LongWord[1..33]), parties.DisputeId,
            $"Same here: {LongWord} and see {LongUrl} and `{LongWord}`");
        return parties.DisputeId;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
