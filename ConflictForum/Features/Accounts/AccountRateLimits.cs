using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// Per-address limits on the account forms, where guessing and mass registration happen. These are plain HTTP
/// posts (static rendering), so ASP.NET Core's rate limiter sees them; writes inside a circuit are limited in the services.
/// </summary>
public static class AccountRateLimits
{
    /// <summary>The policy the JSON API's endpoints require (per client address).</summary>
    public const string ApiPolicy = "api";

    private static readonly string[] LimitedPaths =
        ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ResendEmailConfirmation",
         "/Account/Manage/ChangePassword"];

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services)
    {
        services.AddOptions<AccountRateLimitOptions>().BindConfiguration(AccountRateLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)
                    || !LimitedPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                return PerAddress(context,
                    context.RequestServices.GetRequiredService<IOptions<AccountRateLimitOptions>>().Value.AccountPostsPerMinute);
            });
            limiter.AddPolicy(ApiPolicy, context =>
                PerAddress(context, context.RequestServices.GetRequiredService<IOptions<AccountRateLimitOptions>>()
                    .Value.ApiRequestsPerMinute));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                    ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var message = $"Too many attempts from your network. Slow down and try again in {seconds} seconds.";
                // A person at a form gets the form back in the site's layout, what they typed kept; an API client, the bare 429.
                if (RefusedAccountAttempt.IsFormPost(context)) await RefusedAccountAttempt.ShowAsync(context, message, ct);
                else await context.Response.WriteAsync(message, ct);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
