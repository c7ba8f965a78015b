using System.Security.Claims;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Queue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Requests;

public sealed class IndexModel(CancellationQueue queue, TimeProvider clock) : PageModel
{
    /// <summary>The tab. None means every status for a search, and the Requested tab otherwise.</summary>
    [BindProperty(SupportsGet = true)]
    public CancellationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ActorKind? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public QueueAge Age { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary>Requests with a problem with their money or order, whatever their status (the dashboard links here).</summary>
    [BindProperty(SupportsGet = true)]
    public QueueFlag? Flag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public QueuePage Result { get; private set; } = new([], new Dictionary<CancellationStatus, int>(), null, 48);

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || (After is not null && QueueCursor.Parse(After) is null))
        {
            return BadRequest();
        }

        Now = clock.GetUtcNow();
        if (Status is null && !LooksAcrossStatuses)
        {
            Status = CancellationStatus.Requested;
        }

        var query = new QueueQuery(
            Status,
            Search,
            Source,
            Age,
            Mine ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            QueueCursor.Parse(After),
            Flag: Flag);
        Result = await queue.ReadAsync(query, Now, cancellationToken);
        return Page();
    }

    /// <summary>
    /// A search, a flag or the overdue filter looks across every status (an overdue request may be accepted and
    /// still wait); the tabs then narrow it down.
    /// </summary>
    public bool LooksAcrossStatuses => !string.IsNullOrWhiteSpace(Search) || Flag is not null || Age == QueueAge.Overdue;

    /// <summary>The status tabs, led by one for every status when looking across them.</summary>
    public IEnumerable<CancellationStatus?> TabsShown =>
        CancellationQueue.Tabs.Select(t => (CancellationStatus?)t).Prepend(null).Skip(LooksAcrossStatuses ? 0 : 1);

    public int CountOf(CancellationStatus? status) =>
        status is { } one ? Result.Counts.GetValueOrDefault(one) : Result.Counts.Values.Sum();

    public object RouteFor(CancellationStatus? status, string? after = null) =>
        new { status, q = Search, source = Source, age = Age == QueueAge.Any ? (QueueAge?)null : Age, mine = Mine ? true : (bool?)null, flag = Flag, after };

    public static string AgeText(TimeSpan age) => age.TotalHours < 1
        ? $"{Math.Max(0, (int)age.TotalMinutes)} min"
        : age.TotalHours < 48 ? $"{(int)age.TotalHours} h" : $"{(int)age.TotalDays} days";
}
