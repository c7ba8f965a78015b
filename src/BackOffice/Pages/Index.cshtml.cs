using CancellationPortal.Domain.Queue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages;

/// <summary>The dashboard: what waits, what went wrong with money, and how busy today and this week are.</summary>
public sealed class IndexModel(Dashboard dashboard, TimeProvider clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await dashboard.ReadAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>The queue's address for a count: the same query the count ran, as the queue reads it from the URL.</summary>
    public static Dictionary<string, string> RouteOf(QueueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var route = new Dictionary<string, string>();
        if (query.Status is { } status)
        {
            route["status"] = status.ToString();
        }

        if (query.Age != QueueAge.Any)
        {
            route["age"] = query.Age.ToString();
        }

        if (query.Flag is { } flag)
        {
            route["flag"] = flag.ToString();
        }

        return route;
    }
}
