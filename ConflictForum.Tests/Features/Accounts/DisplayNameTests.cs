using ConflictForum.Features.Accounts;

namespace ConflictForum.Tests.Features.Accounts;

public sealed class DisplayNameTests
{
    [Theory]
    [InlineData("Ann")]
    [InlineData("Northwind Appliances Ltd.")]
    [InlineData("O'Brien-Smith_2")]
    [InlineData("Zoë Ångström")]
    [InlineData("李小龍")]
    [InlineData("abcdefghijklmnopqrstuvwxyz123456")]
    public void Acceptable_names_pass(string name) => Assert.Null(DisplayNames.Problem(name));

    [Theory]
    [InlineData("", "3 to 32 characters")]
    [InlineData("Al", "3 to 32 characters")]
    [InlineData("   Al   ", "3 to 32 characters")]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234567", "3 to 32 characters")]
    [InlineData("<script>", "letters, digits, spaces")]
    [InlineData("admin@site", "letters, digits, spaces")]
    [InlineData("...", "must contain a letter or digit")]
    [InlineData("\u3164\u3164\u3164", "invisible characters")] // Hangul fillers: letters that draw nothing
    [InlineData("Ann\u3164Lee", "invisible characters")]
    public void Unacceptable_names_get_a_reason(string name, string reason) =>
        Assert.Contains(reason, DisplayNames.Problem(name), StringComparison.Ordinal);

    [Fact]
    public void Names_that_differ_only_in_case_and_spacing_normalize_alike() =>
        Assert.Equal(DisplayNames.Normalize("Ann  Lee"), DisplayNames.Normalize(" ann lee "));
}
