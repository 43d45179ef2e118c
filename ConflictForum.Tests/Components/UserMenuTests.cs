using System.Security.Claims;
using Bunit;
using ConflictForum.Components.Layout;
using ConflictForum.Features.Accounts;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Tests.Components;

public sealed class UserMenuTests : ForumComponentTest
{
    [Fact]
    public void Anonymous_reader_is_offered_sign_in_and_register_that_return_to_the_current_page()
    {
        AddAuthorization().SetNotAuthorized();
        Services.GetService<NavigationManager>()!.NavigateTo("disputes/42");

        var menu = Render<UserMenu>();

        var signIn = menu.Find("a[href*='Account/Login']");
        Assert.Equal("Sign in", signIn.TextContent.Trim());
        Assert.Contains("ReturnUrl=%2Fdisputes%2F42", signIn.GetAttribute("href"), StringComparison.Ordinal);
        var register = menu.Find("a[href*='Account/Register']");
        Assert.Equal("Register", register.TextContent.Trim());
        Assert.Equal("Account/Register?ReturnUrl=%2Fdisputes%2F42", register.GetAttribute("href"));
        Assert.Empty(menu.FindAll("form[action='Account/Logout']"));
    }

    [Fact]
    public void Signed_in_member_sees_their_display_name_never_their_email_and_can_sign_out()
    {
        AddAuthorization().SetAuthorized("dana@example.test")
            .SetClaims(new Claim(ForumClaims.DisplayNameType, "Dana Whitfield"));

        var menu = Render<UserMenu>();

        Assert.Equal("Dana Whitfield", menu.Find("[data-testid='user-name']").TextContent.Trim());
        Assert.DoesNotContain("dana@example.test", menu.Markup, StringComparison.Ordinal);
        var form = menu.Find("form[action='Account/Logout']");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/", form.QuerySelector("input[name='ReturnUrl']")!.GetAttribute("value"));
        Assert.Empty(menu.FindAll("a[href*='Account/Login']"));
    }
}
