using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Pages;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int Waiting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Waiting = await db.CancellationRequests.CountAsync(r => r.Status == CancellationStatus.Requested, cancellationToken);
}
