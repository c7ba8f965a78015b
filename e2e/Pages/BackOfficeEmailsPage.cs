using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>Admin → Emails: the preview of a template, its HTML part in a frame and its text part.</summary>
public sealed class BackOfficeEmailsPage(IPage page)
{
    public ILocator Subject => page.GetByTestId("preview-subject");
    public IFrameLocator Html => page.FrameLocator("[data-testid=preview-html]");
    public ILocator Text => page.GetByTestId("preview-text");

    public async Task PreviewAsync(string email, string currency)
    {
        await page.GetByLabel("Email to preview").SelectOptionAsync(new SelectOptionValue { Label = email });
        await page.GetByLabel("Currency").SelectOptionAsync(currency);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show preview" }).ClickAsync();
    }
}
