using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Orders;

/// <summary>One order as staff see it, its cancellation requests, and where a staff cancellation starts.</summary>
public sealed class DetailsModel(OrderSearch orders) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public Order Order { get; private set; } = null!;
    public PolicyAnswer Policy { get; private set; }
    public IReadOnlyList<OrderRequestRow> Requests { get; private set; } = [];

    /// <summary>The order can be canceled or stopped from the cancel page: no open request stands in the way.</summary>
    public bool CanStartCancellation =>
        Policy.CanCancelNow() || Policy is PolicyAnswer.MustRevertFulfillment or PolicyAnswer.MustCancelWithSupplier;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(Number.Trim(), cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        Requests = await orders.RequestsOfAsync(order.Id, cancellationToken);
        Policy = CancellationPolicy.Evaluate(order, Requests.Any(r => r.Status.IsOpen()));
        return Page();
    }
}
