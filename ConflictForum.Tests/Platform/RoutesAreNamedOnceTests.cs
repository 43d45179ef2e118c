using System.Text.RegularExpressions;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Platform;

public sealed partial class RoutesAreNamedOnceTests
{
    // An address with a value in it, built in place: $"disputes/{id}", "/record/digest/" + day. Static addresses
    // ("disputes/new") and the route templates of @page and MapGet carry no value and are not built.
    [GeneratedRegex("""(\$@?"|@\$")/?(disputes|members|invitations|record|api)/"""
        + """|"/?(disputes|members|invitations|record|api)/[^"]*"\s*\+""")]
    private static partial Regex BuiltRoute();

    // The one place an address may be built: a page's or an endpoint's Url helper.
    [GeneratedRegex("""public static string \w*Url\(""")]
    private static partial Regex UrlHelper();

    [Fact]
    public void Addresses_with_values_are_built_only_by_the_Url_helper_of_the_page_or_endpoint_they_name()
    {
        var offenders = SourceTree.In("ConflictForum")
            .SelectMany(f => SourceTree.Read("ConflictForum", f).Split('\n').Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => BuiltRoute().IsMatch(l.Text) && !UrlHelper().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");

        // Link through DisputeAddresses.DisputeUrl(id), DisputeAddresses.MemberUrl(userId),
        // DisputeAddresses.StatementUrl(id, role), LiveSetup.Url(id, v), ...
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_scan_sees_an_address_built_in_place()
    {
        Assert.Matches(BuiltRoute(), """<MudLink Href="@($"disputes/{id}")">""");
        Assert.Matches(BuiltRoute(), """private string Href => "/record/digest/" + day;""");
        Assert.DoesNotMatch(BuiltRoute(), """<MudLink Href="disputes/new">""");
        Assert.DoesNotMatch(BuiltRoute(), """endpoints.MapGet("/api/disputes/{id:int}", Handle);""");
    }
}
