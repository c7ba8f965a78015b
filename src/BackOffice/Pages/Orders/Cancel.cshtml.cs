using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Orders;

/// <summary>Cancels an order nobody asked to cancel (out of stock, fraud, undeliverable) with the decision form.</summary>
public sealed class CancelModel(StaffCancellations decisions, OrderSearch orders, RefundRulesSource refundRules) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty]
    public DecisionForm Input { get; set; } = new() { Reason = DecisionReason.OutOfStock };

    /// <summary>Posted by the confirmation step's confirm button: only then is the order canceled.</summary>
    [BindProperty(Name = BackOffice.Confirmation.ConfirmedField)]
    public bool Confirmed { get; set; }

    [BindProperty(Name = BackOffice.Confirmation.GoBackField)]
    public bool GoBack { get; set; }

    /// <summary>Set when the page asks to confirm what was just posted.</summary>
    public Confirmation? Confirmation { get; private set; }

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

    /// <summary>
    /// Canceling cannot be taken back: the first post shows what is about to happen, "Go back" shows the filled
    /// form again, and only the confirmed post cancels.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Order is null)
        {
            return NotFoundPage();
        }

        if (GoBack && !Confirmed)
        {
            return Page();
        }

        Error? error = null;
        if (ModelState.IsValid && Input.ToInput(Order.Currency, ModelState, nameof(Input)) is { } input)
        {
            if (!Confirmed)
            {
                var preview = await decisions.PreviewCancelOrderAsync(Order.Number, input, cancellationToken);
                if (preview.IsSuccess)
                {
                    Confirmation = Confirmation.Decide(null, Order, preview.Value!);
                    return Page();
                }

                error = preview.Error!;
            }
            else
            {
                var result = await decisions.CancelOrderAsync(Order.Number, input, User.ToStaffActor(), cancellationToken);
                if (result.IsSuccess)
                {
                    TempData["StatusMessage"] = $"Order {Order.Number} is being canceled.";
                    return RedirectToPage("/Requests/Details", new { id = result.Value!.Id });
                }

                // The refusal may come from a change meanwhile (another request opened): the page shows the order as it is now.
                error = result.Error!;
                await LoadAsync(cancellationToken);
            }

            ModelState.AddModelError(error.Field is null ? string.Empty : $"{nameof(Input)}.{error.Field}", error.Message);
        }

        Response.StatusCode = error.ToStatusCode();
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync(CancellationToken cancellationToken)
    {
        var result = await decisions.StopOrderForCancelAsync(Number?.Trim() ?? "", User.ToStaffActor(), cancellationToken);
        if (result.IsSuccess)
        {
            TempData["StatusMessage"] = $"Order {Number} is stopped and its cancellation is assigned to you. Record the decision to cancel it.";
            return RedirectToPage("/Requests/Details", new { id = result.Value!.Id });
        }

        // The page again with the reason and the order's current state, so the next step is on screen.
        await LoadAsync(cancellationToken);
        ModelState.AddModelError(string.Empty, result.Error!.Message);
        Response.StatusCode = result.Error.ToStatusCode();
        return Page();
    }

    private IActionResult NotFoundPage()
    {
        var missing = Error.NotFound($"No order with number {Number}.");
        ModelState.AddModelError(string.Empty, missing.Message);
        Response.StatusCode = missing.ToStatusCode();
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

        Order = await orders.FindAsync(Number, cancellationToken);
        if (Order is null)
        {
            return;
        }

        Policy = CancellationPolicy.Evaluate(Order, await decisions.HasOpenRequestAsync(Order.Id, cancellationToken));
        LatestRequestId = await decisions.LatestRequestIdAsync(Order.Id, cancellationToken);
        DecisionContext = DecisionFormContext.For(Order, await refundRules.LoadAsync(cancellationToken));
    }
}
