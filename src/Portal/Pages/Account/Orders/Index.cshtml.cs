using System.Security.Claims;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Portal.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Pages.Account.Orders;

/// <summary>My orders: the signed-in shopper's orders, newest first, 20 to a page.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int TotalCount { get; private set; }

    public async Task OnGetAsync([FromQuery] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var customerId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var mine = db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId);
        TotalCount = await mine.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(pageNumber, 1, PageCount);

        var rows = await mine
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Number)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(o => new
            {
                o.Number,
                o.PlacedAt,
                o.Total,
                o.Currency,
                o.IsCanceled,
                o.FulfillmentStatus,
                o.SupplierStatus,
                LatestRequest = db.CancellationRequests
                    .Where(r => r.OrderId == o.Id)
                    .OrderByDescending(r => r.RequestedAt)
                    .Select(r => (CancellationStatus?)r.Status)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        Orders = rows
            .Select(r => new OrderRow(r.Number, r.PlacedAt, r.Total, r.Currency, OrderStatusWords.Describe(r.IsCanceled, r.FulfillmentStatus, r.SupplierStatus, r.LatestRequest)))
            .ToList();
    }

    public sealed record OrderRow(string Number, DateTimeOffset PlacedAt, decimal Total, string Currency, ShopperOrderStatus Status);
}
