using ConflictForum.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ConflictForum.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>PBKDF2 (HMAC-SHA512) rounds: OWASP's 2023 figure for SHA-512; the framework default is 100,000.</summary>
    public const int PasswordHashIterations = 210_000;

    public static WebApplicationBuilder AddForumAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AccountLinkSender>();
        services.AddScoped<ForumActors>();
        services.AddScoped<CurrentMember>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie => cookie.Events.OnValidatePrincipal = SignInSessions.ValidateAsync);
        // Identity's periodic refresh rebuilds the principal: it stays the same sign-in.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = refresh =>
        {
            if (refresh.CurrentPrincipal?.FindFirst(ForumClaims.SignInIdType) is { } signIn
                && refresh.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                && !identity.HasClaim(c => c.Type == ForumClaims.SignInIdType))
                identity.AddClaim(new System.Security.Claims.Claim(ForumClaims.SignInIdType, signIn.Value));
            return Task.CompletedTask;
        });

        services.AddIdentityCore<ForumUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Length over composition rules (NIST SP 800-63B): 12 characters, anything goes.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ForumDbContext>()
            .AddSignInManager<ForumSignInManager>()
            .AddDefaultTokenProviders()
            .AddUserValidator<DisplayNameValidator>()
            .AddUserValidator<AccountTextValidator>()
            .AddClaimsPrincipalFactory<ForumClaims>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);

        // Keys in the database: a restart or a second instance keeps everyone signed in.
        services.AddDataProtection().SetApplicationName("ConflictForum").PersistKeysToDbContext<ForumDbContext>();

        services.AddSingleton<AccountEmailSender>();
        services.AddSingleton<IEmailSender<ForumUser>>(sp => sp.GetRequiredService<AccountEmailSender>());
        services.AddAccountRateLimits();
        return builder;
    }
}
