using System.Globalization;
using System.Text;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// <c>GET /organisations/{slug}/report.csv</c>: the crisis-process report's table for a spreadsheet, to the same readers as
/// its page. One row per dispute, then the medians; times in ISO 8601 UTC, gaps in hours with one decimal.
/// </summary>
public static class CrisisReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private const string PlainText = "text/plain; charset=utf-8";

    /// <summary>The export of an organisation's report, from the site's root.</summary>
    public static string Url(string slug) => $"/organisations/{Uri.EscapeDataString(slug)}/report.csv";

    public static IEndpointConventionBuilder MapCrisisReportCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/organisations/{slug}/report.csv", async (string slug, HttpContext context, ForumActors actors,
            CrisisReportQueries reports, CancellationToken ct) =>
        {
            var report = await reports.GetAsync(slug, await actors.ForPrincipalAsync(context.User, ct), ct);
            return report.Kind switch
            {
                OutcomeKind.Ok => Results.File(
                    [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(report.Value!, SiteRoot(context)))],
                    ContentType, $"{report.Value!.Organisation.Slug}-crisis-report.csv"),
                OutcomeKind.NotFound => Results.Text(report.Message, PlainText, statusCode: StatusCodes.Status404NotFound),
                _ => Results.Text(report.Message, PlainText, statusCode: StatusCodes.Status403Forbidden),
            };
        }).RequireAuthorization().RequireRateLimiting(AccountRateLimits.ApiPolicy);

    /// <summary>
    /// The report as CSV (RFC 4180: every field that holds a value quoted, lines ended by CRLF); each dispute's address
    /// under <paramref name="siteRoot"/> (ending in "/"), so a spreadsheet links to it.
    /// </summary>
    public static string Write(CrisisReport report, string siteRoot)
    {
        var csv = new StringBuilder();
        Line(csv, Header());
        foreach (var row in report.Rows)
        {
            Line(csv, [
                Number(row.DisputeId), Text(row.Title), Text(siteRoot + DisputeAddresses.DisputeUrl(row.DisputeId)),
                Text(row.Status.ToString()),
                .. row.Steps.SelectMany(Cells),
            ]);
        }
        Line(csv, [
            "", Text(report.Capped ? $"The organisation's median (of the {CrisisReport.MaxDisputes} newest disputes)"
                : "The organisation's median"), "", "", "",
            .. report.Medians.SelectMany(m => (string[])["", Hours(m.Median), Text(Of(m.Disputes))]),
        ]);
        return csv.ToString();
    }

    /// <summary>The site's address as the reader asked for it (the export goes to them alone).</summary>
    private static string SiteRoot(HttpContext context) =>
        Microsoft.AspNetCore.Http.Extensions.UriHelper.BuildAbsolute(context.Request.Scheme, context.Request.Host,
            context.Request.PathBase, "/");

    private static readonly string[] FirstColumns = ["Dispute", "Title", "Address", "Status", "Opened at (UTC)"];

    private static readonly string[] StepColumns = [" at (UTC)", " gap (hours)", " state"];

    private static string Of(int disputes) => $"median of {disputes} dispute{(disputes == 1 ? "" : "s")}";

    private static IEnumerable<string> Header() => FirstColumns.Concat(Enum.GetValues<CrisisStepKind>().Skip(1)
        .SelectMany(kind => StepColumns.Select(part => CrisisReport.NameOf(kind) + part))).Select(Text);

    /// <summary>The opening's time; for every later step its time, its gap and what state it is in.</summary>
    private static IEnumerable<string> Cells(CrisisStep step) => step.Kind == CrisisStepKind.Opened ? [Time(step.At)]
        : [Time(step.At), Hours(step.Gap ?? step.WaitedSoFar), Text(StateOf(step))];

    public static string StateOf(CrisisStep step) =>
        (step.IsReached ? "reached" : step.Waiting ? "still waiting" : "not reached") + (step.IsSlow ? ", slow" : "");

    private static void Line(StringBuilder csv, IEnumerable<string> fields) => csv.Append(string.Join(',', fields)).Append("\r\n");

    private static string Time(DateTime? at) =>
        at is { } utc ? Quote(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) : "";

    private static string Hours(TimeSpan? span) => span is { } s ? Quote(s.TotalHours.ToString("0.0", CultureInfo.InvariantCulture)) : "";

    private static string Number(int n) => Quote(n.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Text a member typed, made inert for spreadsheets: one starting with a formula's sign (= + - @, or a tab or carriage
    /// return before one) is read as a formula by Excel and its kin, so it gets a leading apostrophe (OWASP's advice).
    /// </summary>
    private static string Text(string text) => Quote(text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)
        ? "'" + text : text);

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
