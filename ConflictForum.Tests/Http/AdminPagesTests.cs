using ConflictForum.Features.Accounts;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

public sealed class AdminPagesTests : ForumAppTest
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Recount_page_is_for_admins_only()
    {
        var site = new SiteClient(App);
        using (var response = await site.Http.GetAsync(new Uri("/admin/recount", UriKind.Relative)))
            Assert.Equal("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);

        await site.RegisterAndSignInAsync("Mo Member", "mo@example.test", Password);
        using (var member = await site.Http.GetAsync(new Uri("/admin/recount", UriKind.Relative)))
            Assert.Equal("/Account/AccessDenied", member.RequestMessage!.RequestUri!.AbsolutePath);

        await AdminBootstrap.PromoteAsync(App.Services, "mo@example.test");
        await site.SignOutAsync();
        await site.SignInAsync("mo@example.test", Password);
        var html = await site.GetHtmlAsync("/admin/recount");
        Assert.Contains("Recount votes", html, StringComparison.Ordinal);
        Assert.Contains("counts the vote rows again", html, StringComparison.Ordinal);
    }
}
