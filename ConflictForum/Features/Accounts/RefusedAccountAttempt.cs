namespace ConflictForum.Features.Accounts;

/// <summary>
/// An account form's post refused by the per-address limit (<see cref="AccountRateLimits"/>), shown to the person as the
/// same page in the site's layout: the form again, with what they typed (never a password) and when to try again. The
/// post is not handled: the page renders as it would for a GET, so the limit holds whatever the page does with a post.
/// </summary>
public sealed class RefusedAccountAttempt(string message, IReadOnlyDictionary<string, string> kept)
{
    /// <summary>Why, and when to try again.</summary>
    public string Message { get; } = message;

    /// <summary>The posted fields by name, passwords and the antiforgery token left out.</summary>
    public IReadOnlyDictionary<string, string> Kept { get; } = kept;

    /// <summary>Whether the refused request is a browser's post of one of the account forms (not an API call).</summary>
    public static bool IsFormPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
        && context.GetEndpoint()?.RequestDelegate is not null;

    /// <summary>Answers the refused post with its page, rendered as for a GET with the refusal and the kept fields.</summary>
    public static async Task ShowAsync(HttpContext context, string message, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var kept = form.Where(f => !f.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)
                && !f.Key.StartsWith("__", StringComparison.Ordinal) && f.Key != "_handler")
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        context.Features.Set(new RefusedAccountAttempt(message, kept));
        // The rate limiter ends the pipeline on a refusal, so the page's endpoint is run from here, as a GET: nothing after
        // this point handles the form.
        context.Request.Method = HttpMethods.Get;
        await context.GetEndpoint()!.RequestDelegate!(context);
    }
}
