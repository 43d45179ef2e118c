using Bunit;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace ConflictForum.Tests.Platform;

/// <summary>How an instant is written: in UTC for the record, in the reader's zone on screen, with the UTC time on hover.</summary>
public sealed class LocalTimeTests : ForumComponentTest
{
    private static readonly DateTime At = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Fact]
    public void The_record_s_time_is_UTC_and_the_machine_s_is_ISO_8601()
    {
        Assert.Equal("Sun 6 Dec 2026, 10:00 UTC", TimeText.Exact(At));
        Assert.Equal("2026-12-06T10:00:00Z", TimeText.Iso(At));
        Assert.Equal("2026-12-06T10:00:00Z", TimeText.Iso(DateTime.SpecifyKind(At, DateTimeKind.Unspecified)));
    }

    [Theory]
    [InlineData("America/New_York", "Sun 6 Dec 2026, 05:00 GMT-5")]
    [InlineData("Europe/Berlin", "Sun 6 Dec 2026, 11:00 GMT+1")]
    [InlineData("Asia/Kolkata", "Sun 6 Dec 2026, 15:30 GMT+5:30")]
    [InlineData("Pacific/Auckland", "Sun 6 Dec 2026, 23:00 GMT+13")]
    [InlineData("Pacific/Kiritimati", "Mon 7 Dec 2026, 00:00 GMT+14")]
    [InlineData("Europe/London", "Sun 6 Dec 2026, 10:00 GMT")]
    [InlineData("Etc/UTC", "Sun 6 Dec 2026, 10:00 UTC")]
    public void A_reader_s_time_is_in_their_zone_with_its_offset_that_day_as_the_browser_writes_it(string zone, string expected)
    {
        Assert.Equal(expected, TimeText.Exact(At, Zone(zone)));
    }

    [Fact]
    public void An_instant_s_texts_are_one_string_for_every_page_that_shows_them()
    {
        // A thousand open member pages keep the texts of the same instants in their render trees: one copy, not a thousand.
        var again = new DateTime(At.Ticks, DateTimeKind.Utc);

        Assert.Same(TimeText.Exact(At), TimeText.Exact(again));
        Assert.Same(TimeText.Iso(At), TimeText.Iso(again));
        Assert.Same(TimeText.Exact(At, Zone("Europe/Berlin")), TimeText.Exact(again, Zone("Europe/Berlin")));
        Assert.Equal("Sun 6 Dec 2026, 05:00 GMT-5", TimeText.Exact(again, Zone("America/New_York")));
    }

    [Fact]
    public void The_offset_is_the_one_of_that_day_summer_time_included()
    {
        Assert.Equal("Mon 6 Jul 2026, 06:00 GMT-4",
            TimeText.Exact(new DateTime(2026, 7, 6, 10, 0, 0, DateTimeKind.Utc), Zone("America/New_York")));
    }

    [Fact]
    public void Without_a_zone_the_time_is_written_in_UTC_and_marked_for_the_browser()
    {
        var time = Render(LocalTime.Of(At, null)).Find("time");

        Assert.Equal("2026-12-06T10:00:00Z", time.GetAttribute("datetime"));
        Assert.Equal("Sun 6 Dec 2026, 10:00 UTC", time.GetAttribute("title"));
        Assert.Equal("Sun 6 Dec 2026, 10:00 UTC", time.TextContent);
        Assert.True(time.HasAttribute(LocalTime.InBrowser));
    }

    [Fact]
    public void With_a_zone_the_server_writes_it_and_nothing_asks_a_script_to_rewrite_it()
    {
        var time = Render(LocalTime.Of(At, Zone("America/New_York"))).Find("time");

        Assert.Equal("Sun 6 Dec 2026, 05:00 GMT-5", time.TextContent);
        Assert.Equal("Sun 6 Dec 2026, 10:00 UTC", time.GetAttribute("title"));
        Assert.Equal("2026-12-06T10:00:00Z", time.GetAttribute("datetime"));
        Assert.False(time.HasAttribute(LocalTime.InBrowser));
    }

    [Fact]
    public void A_circuit_writes_in_the_zone_the_browser_s_cookie_named_and_a_static_page_leaves_it_to_the_browser()
    {
        var zone = new ReaderTimeZone();
        zone.ReadFrom(Request("America/New_York"));

        var shared = Render(zone.Show(At)).Find("time");
        zone.InCircuit = true;
        var live = Render(zone.Show(At)).Find("time");

        Assert.Equal("Sun 6 Dec 2026, 05:00 GMT-5", live.TextContent);
        Assert.False(live.HasAttribute(LocalTime.InBrowser));
        Assert.Equal("Sun 6 Dec 2026, 10:00 UTC", shared.TextContent);
        Assert.True(shared.HasAttribute(LocalTime.InBrowser));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("America/New York")]
    public void A_missing_or_unknown_zone_reads_as_UTC(string? cookie)
    {
        var zone = new ReaderTimeZone();
        zone.ReadFrom(Request(cookie));
        zone.InCircuit = true;

        Assert.Null(zone.BrowserZone);
        Assert.Equal("Sun 6 Dec 2026, 10:00 UTC",
            Render(zone.Show(At)).Find("time").TextContent);
    }

    private static HttpRequest Request(string? zone)
    {
        var context = new DefaultHttpContext();
        if (zone is not null) context.Request.Headers.Cookie = $"{ReaderTimeZone.CookieName}={zone}";
        return context.Request;
    }
}
