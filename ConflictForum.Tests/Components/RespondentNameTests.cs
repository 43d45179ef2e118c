using Bunit;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Organisations;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>The other party as a dispute names them: an organisation by its page and a badge no name can imitate.</summary>
public sealed class RespondentNameTests : ForumAppComponentTest
{
    private static DisputeRow Row(string? respondentId, Organisation? organisation) =>
        new(new Dispute { Id = 7, ClaimantId = "c", RespondentId = respondentId, RespondentName = "Bolt Couriers Ltd" }, "Cara",
            "Bolt Couriers Ltd")
        { Organisation = organisation };

    [Fact]
    public void An_organisation_links_to_its_page_with_its_verification_badge_whoever_answers_for_it()
    {
        var bolt = new Organisation
        {
            Id = 3, Name = "Bolt Couriers Ltd", Slug = "bolt-couriers", Verification = OrganisationVerification.Admin,
        };
        var name = Render<RespondentName>(p => p.Add(c => c.Row, Row("agent", bolt)));

        Assert.Equal("organisations/bolt-couriers", name.Find("[data-testid=respondent-organisation]").GetAttribute("href"));
        Assert.Equal("Admin", name.Find("[data-testid=organisation-badge]").GetAttribute("data-verification"));
    }

    [Fact]
    public void A_name_typed_for_a_company_that_is_no_organisation_is_plain_text_with_no_badge()
    {
        var name = Render<RespondentName>(p => p.Add(c => c.Row, Row(null, null)));

        Assert.Empty(name.FindAll("a"));
        Assert.Empty(name.FindAll("[data-testid=organisation-badge]"));
        Assert.Equal("Bolt Couriers Ltd", name.Find("span").TextContent);
    }
}
