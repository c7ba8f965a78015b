using System.Security.Claims;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.Portal.Pages.Account.Orders;

/// <summary>
/// "Pay now" for what undoing a cancellation found due: opens the payment at the provider and sends the shopper
/// there (Stripe's page), or shows the sandbox's own clearly labelled page when no provider is configured. The
/// provider sends the shopper back here, where the payment is confirmed and the order page says what changed.
/// </summary>
public sealed class PayModel(ISender sender, PublicUrl publicUrl) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    /// <summary>The sandbox payment to show; set when the sandbox opened one.</summary>
    public RepaymentPayment? SandboxPayment { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The provider sent the shopper back (paid, or gave up): confirm and show the order.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Back(await sender.Send(new ConfirmRepaymentPayment(Number, Shopper), cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var returnUrl = new Uri(publicUrl.Link(Url.Page("/Account/Orders/Pay", new { number = Number })!));
        var started = await sender.Send(new PayRepayment(Number, Shopper, returnUrl), cancellationToken);
        if (!started.IsSuccess)
        {
            StatusMessage = started.Error.ToPageMessage();
            return RedirectToPage("/Account/Orders/Details", new { number = Number });
        }

        var payment = started.Value!;
        if (payment.PayUrl is { } payUrl)
        {
            // The provider's own page, on the provider's host.
            return Redirect(payUrl.AbsoluteUri);
        }

        SandboxPayment = payment;
        return Page();
    }

    /// <summary>The sandbox page's button: pays the sandbox payment in full, then confirms it like the provider's return.</summary>
    public async Task<IActionResult> OnPostSandboxAsync(Guid repaymentId, CancellationToken cancellationToken) =>
        Back(await sender.Send(new ConfirmRepaymentPayment(Number, Shopper, repaymentId), cancellationToken));

    private IActionResult Back(Result<CancellationRequest> confirmed)
    {
        if (!confirmed.IsSuccess)
        {
            return NotFound();
        }

        var request = confirmed.Value!;
        StatusMessage = request.Status == CancellationStatus.Undone
            ? $"Thank you: your payment arrived and order {Number} is active again."
            : $"Your payment has not arrived yet: {request.RepaymentDue} is still due. If you paid, it shows here within a few minutes.";
        return RedirectToPage("/Account/Orders/Details", new { number = Number });
    }

    private Actor Shopper => Actor.Shopper(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity?.Name ?? "Shopper");
}
