using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Orders;

/// <summary>Cancels an order nobody asked to cancel (out of stock, fraud, undeliverable) with the decision form.</summary>
public sealed class CancelModel(CancellationDecisionService decisions, RefundService refunds) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty]
    public DecisionForm Input { get; set; } = new() { Reason = DecisionReason.OutOfStock };

    public Order? Order { get; private set; }
    public PolicyAnswer Policy { get; private set; }
    public DecisionFormContext? DecisionContext { get; private set; }

    /// <summary>The order's latest request, where staff go when the order is already requested or canceled.</summary>
    public Guid? LatestRequestId { get; private set; }

    public bool CanCancel => Order is not null && Policy.CanCancelNow();

    /// <summary>What stands in the way can be stopped from here: the store's shipment or the supplier's order.</summary>
    public bool CanStop => Order is not null && Policy is PolicyAnswer.MustRevertFulfillment or PolicyAnswer.MustCancelWithSupplier;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Number is not null && Order is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        string? missing = null;
        var input = ModelState.IsValid ? Input.ToInput(out missing) : null;
        Error? error = null;
        if (input is not null)
        {
            var result = await decisions.CancelOrderAsync(Number ?? "", input, User.ToStaffActor(), cancellationToken);
            if (result.IsSuccess)
            {
                TempData["StatusMessage"] = $"Order {Number} is being canceled.";
                return RedirectToPage("/Requests/Details", new { id = result.Value!.Id });
            }

            error = result.Error;
        }
        else if (ModelState.IsValid)
        {
            error = Error.Invalid(missing!);
        }

        return await RefusedAsync(error, cancellationToken);
    }

    public async Task<IActionResult> OnPostStopAsync(CancellationToken cancellationToken)
    {
        var result = await decisions.StopOrderForCancelAsync(Number ?? "", User.ToStaffActor(), cancellationToken);
        if (!result.IsSuccess)
        {
            return await RefusedAsync(result.Error, cancellationToken);
        }

        TempData["StatusMessage"] = $"Order {Number} is stopped and its cancellation is assigned to you. Record the decision to cancel it.";
        return RedirectToPage("/Requests/Details", new { id = result.Value!.Id });
    }

    /// <summary>The page again with the reason and the order's current state, so the next step is on screen.</summary>
    private async Task<IActionResult> RefusedAsync(Error? error, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }

        Response.StatusCode = error?.ToStatusCode() ?? StatusCodes.Status400BadRequest;
        return Page();
    }

    private IActionResult NotFoundPage()
    {
        ModelState.AddModelError(string.Empty, $"No order with number {Number}.");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Number = Number?.Trim();
        if (string.IsNullOrEmpty(Number))
        {
            Number = null;
            return;
        }

        Order = await decisions.FindOrderAsync(Number, cancellationToken);
        if (Order is null)
        {
            return;
        }

        Policy = CancellationPolicy.Evaluate(Order, await decisions.HasOpenRequestAsync(Order.Id, cancellationToken));
        LatestRequestId = await decisions.LatestRequestIdAsync(Order.Id, cancellationToken);
        DecisionContext = new DecisionFormContext(Order.RefundableAmount, Order.Currency, refunds.WhyNot(Order, RefundMethod.OriginalPayment), refunds.GatewayName);
    }
}
