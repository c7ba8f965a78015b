using System.ComponentModel.DataAnnotations;
using CancellationPortal.Domain.Integrations;
using CancellationPortal.Domain.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Pages.Integrations;

/// <summary>Admins register the store's webhook endpoints, see each delivery, and send one again.</summary>
public sealed class WebhooksModel(AppDbContext db, WebhookAddresses addresses, TimeProvider clock) : PageModel
{
    public const int DeliveriesShown = 50;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The new endpoint's signing secret, shown on this one response; the store verifies deliveries with it.</summary>
    public string? NewSecret { get; private set; }

    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        if (addresses.ProblemWith(Input.Url?.Trim()) is { } problem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Url)}", problem);
        }

        if (!Input.Events.Any(WebhookEvents.All.Contains))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Events)}", "Choose at least one event the endpoint hears.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var endpoint = WebhookEndpoint.Register(new Uri(Input.Url!.Trim()), Input.Events, clock.GetUtcNow());
        db.Set<WebhookEndpoint>().Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        NewSecret = endpoint.Secret;
        StatusMessage = $"Endpoint {endpoint.Url} registered. Copy its signing secret now: it is not shown again.";
        Input = new InputModel();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeEndpointAsync(id, e => e.Enable(), "enabled", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeEndpointAsync(id, e => e.Disable(clock.GetUtcNow()), "disabled", cancellationToken);

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        var delivery = await db.Set<WebhookDelivery>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null)
        {
            return NotFound();
        }

        delivery.Resend(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = "The delivery is sent again shortly, with the same id.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ChangeEndpointAsync(Guid id, Action<WebhookEndpoint> change, string done, CancellationToken cancellationToken)
    {
        var endpoint = await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return NotFound();
        }

        change(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Endpoint {endpoint.Url} {done}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().OrderBy(e => e.Url).ToListAsync(cancellationToken);
        Deliveries = await db.Set<WebhookDelivery>().AsNoTracking().OrderByDescending(d => d.CreatedAt).Take(DeliveriesShown).ToListAsync(cancellationToken);
    }

    public string UrlOf(Guid endpointId) => Endpoints.FirstOrDefault(e => e.Id == endpointId)?.Url ?? "";

    public static string StatusText(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Pending => "Waiting to be sent",
        WebhookDeliveryStatus.Succeeded => "Delivered",
        _ => "Gave up",
    };

    public sealed class InputModel
    {
        [Display(Name = "Address (https://)")]
        public string? Url { get; set; }

        public List<string> Events { get; set; } = [];
    }
}
