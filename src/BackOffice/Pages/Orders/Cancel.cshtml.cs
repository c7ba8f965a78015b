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

    public bool CanCancel => Order is not null && Policy.CanCancelNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Number is not null && Order is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Order is null)
        {
            return NotFoundPage();
        }

        Error? error = null;
        if (ModelState.IsValid && Input.ToInput(Order.Currency, ModelState, nameof(Input)) is { } input)
        {
            var result = await decisions.CancelOrderAsync(Order.Number, input, User.ToStaffActor(), cancellationToken);
            if (result.IsSuccess)
            {
                TempData["StatusMessage"] = $"Order {Order.Number} is being canceled.";
                return RedirectToPage("/Requests/Details", new { id = result.Value!.Id });
            }

            error = result.Error!;
            await LoadAsync(cancellationToken);
            ModelState.AddModelError(error.Field is null ? string.Empty : $"{nameof(Input)}.{error.Field}", error.Message);
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
        DecisionContext = DecisionFormContext.For(Order, refunds);
    }
}
