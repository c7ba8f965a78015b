using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Queue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Orders;

/// <summary>Every order, newest first, whether or not anyone asked to cancel it; the top bar's search lands here.</summary>
public sealed class IndexModel(OrderSearch orders) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public OrderPage Result { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (After is not null && QueueCursor.Parse(After) is null)
        {
            return BadRequest();
        }

        Result = await orders.ReadAsync(Search, QueueCursor.Parse(After), cancellationToken);
        return Page();
    }
}
