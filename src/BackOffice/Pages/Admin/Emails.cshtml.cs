using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Admin;

/// <summary>The store's emails: what was sent and where each stands, a preview of every template, and a test email.</summary>
public sealed class EmailsModel(EmailLog log, EmailPreviewer previewer, ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public EmailStateFilter Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty(SupportsGet = true, Name = "order")]
    public string? OrderNumber { get; set; }

    /// <summary>Lists emails older than this (the "Older" link), as UTC ticks.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Preview { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Currency { get; set; }

    [BindProperty]
    public string? TestAddress { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<EmailRow> Emails { get; private set; } = [];
    public IReadOnlyList<(string Template, string Title)> Templates { get; private set; } = [];
    public RenderedEmail? Rendered { get; private set; }

    public string TitleOf(string? template) =>
        Templates.FirstOrDefault(t => t.Template == template).Title ?? "Other";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A status that is not one of the filters, or a cursor that is not a time, comes from an edited address.
        if (!ModelState.IsValid || !Enum.IsDefined(Status) || Before is < 0 || Before > DateTimeOffset.MaxValue.UtcTicks)
        {
            return BadRequest("That is not a filter the Emails page knows.");
        }

        await LoadAsync(cancellationToken);
        if (Preview is not null)
        {
            Rendered = await previewer.RenderAsync(Preview, Currency ?? EmailPreviewer.Currencies[0], cancellationToken);
            if (Rendered is null)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
                ModelState.AddModelError(nameof(Preview), "There is no such email to preview; choose one from the list.");
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSendTestAsync(CancellationToken cancellationToken)
    {
        var error = (await sender.Send(new SendTestEmail(TestAddress), cancellationToken)).Error;
        if (error is null)
        {
            StatusMessage = $"A test email to {TestAddress!.Trim()} is on its way; it shows below as soon as it was handed to the mail service.";
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = error.ToStatusCode();
        ModelState.AddFieldErrors(error, _ => nameof(TestAddress));
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Templates = previewer.Templates();
        var before = Before is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        Emails = await log.FindAsync(new EmailFilter(Status, Template, OrderNumber, before), cancellationToken);
    }
}
