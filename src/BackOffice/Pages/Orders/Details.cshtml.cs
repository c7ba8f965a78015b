using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Pages.Orders;

/// <summary>One order as staff see it, its cancellation requests, and where a staff cancellation starts.</summary>
public sealed class DetailsModel(CancellationDecisionService decisions, AppDbContext db) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public Order Order { get; private set; } = null!;
    public PolicyAnswer Policy { get; private set; }
    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];

    /// <summary>The order can be canceled or stopped from the cancel page: no open request stands in the way.</summary>
    public bool CanStartCancellation =>
        Policy.CanCancelNow() || Policy is PolicyAnswer.MustRevertFulfillment or PolicyAnswer.MustCancelWithSupplier;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await decisions.FindOrderAsync(Number.Trim(), cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        Requests = await db.CancellationRequests.AsNoTracking()
            .Where(r => r.OrderId == order.Id)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Select(r => new RequestRow(r.Id, r.Status, r.RequestedAt, r.RequestedByName))
            .ToListAsync(cancellationToken);
        Policy = CancellationPolicy.Evaluate(order, Requests.Any(r => r.Status.IsOpen()));
        return Page();
    }

    public sealed record RequestRow(Guid Id, CancellationStatus Status, DateTimeOffset RequestedAt, string RequestedBy);
}
