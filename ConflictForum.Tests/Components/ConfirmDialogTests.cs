using Bunit;
using ConflictForum.Components.DisputePage.Sections;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ConflictForum.Tests.Components;

/// <summary>The one confirmation before a destructive act: it names the act, Cancel comes first, and cancelling does nothing.</summary>
public sealed class ConfirmDialogTests : ForumAppComponentTest
{
    private IRenderedComponent<MudDialogProvider> Provider() => Render<MudDialogProvider>();

    private static AngleSharp.Dom.IElement Dialog(IRenderedComponent<MudDialogProvider> provider) => provider.Find("[role='dialog']");

    [Fact]
    public async Task The_dialog_names_what_will_happen_offers_cancel_first_and_answers_false_on_cancel()
    {
        var provider = Provider();
        var answer = provider.InvokeAsync(() => ConfirmDialog.AskAsync(Services.GetRequiredService<IDialogService>(),
            "Hide it", "Hide this comment by Ada? Readers will see a notice instead of it.", "Hide"));

        var dialog = provider.WaitForElement("[role='dialog']");
        Assert.Contains("Hide it", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hide this comment by Ada?", dialog.TextContent, StringComparison.Ordinal);
        var buttons = dialog.QuerySelectorAll("button");
        // No close button in the title: Cancel is the first thing to focus, and the act comes after it.
        Assert.Equal(["Cancel", "Hide"], buttons.Select(b => b.TextContent.Trim()));
        buttons[0].Click();

        Assert.False(await answer);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[role='dialog']")));
    }

    [Fact]
    public async Task Confirming_answers_true()
    {
        var provider = Provider();
        var answer = provider.InvokeAsync(() => ConfirmDialog.AskAsync(Services.GetRequiredService<IDialogService>(),
            "Suspend Ada", "Suspend Ada for 7 days?", "Suspend"));

        provider.WaitForElement("[data-testid='confirm-act']").Click();

        Assert.True(await answer);
    }

    [Fact]
    public void A_withdrawal_cancelled_in_the_dialog_does_nothing_and_confirmed_goes_ahead()
    {
        var attempts = 0;
        var page = Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<WithdrawSection>(1);
            builder.AddAttribute(2, nameof(WithdrawSection.DisputeId), 1);
            builder.AddAttribute(3, nameof(WithdrawSection.Changed), EventCallback.Factory.Create(this, () => attempts++));
            builder.CloseComponent();
        });

        Buttons(page, "Withdraw the dispute").Single().Click();
        Assert.Contains("Withdraw this dispute for good?", page.WaitForElement("[role='dialog']").TextContent, StringComparison.Ordinal);
        page.Find("[data-testid='confirm-cancel']").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[role='dialog']")));
        Assert.Equal(0, attempts);

        Buttons(page, "Withdraw the dispute").Single().Click();
        page.WaitForElement("[data-testid='confirm-act']").Click();
        page.WaitForAssertion(() => Assert.Equal(1, attempts)); // the service was asked (and, for nobody signed in, refused)
    }
}
