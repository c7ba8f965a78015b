using CancellationPortal.Domain.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace CancellationPortal.BackOffice.Pages.Shared.Components.RequestEmails;

/// <summary>The emails sent about a request's order with where each stands, and a way to send again one that did not arrive.</summary>
public sealed class RequestEmailsViewComponent(EmailLog emails) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string orderNumber) =>
        View(await emails.ForOrderAsync(orderNumber, HttpContext.RequestAborted));
}
