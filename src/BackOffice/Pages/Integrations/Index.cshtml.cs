using System.ComponentModel.DataAnnotations;
using CancellationPortal.Domain.Integrations;
using CancellationPortal.Domain.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Pages.Integrations;

/// <summary>Admins create the API keys a shop platform calls with, and revoke them.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The new key, shown on this one response only: it is not stored and never travels in a cookie.</summary>
    public string? NewToken { get; private set; }

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var scopes = Input.Scopes.Where(ApiScopes.All.Contains).ToList();
        if (scopes.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Scopes)}", "Choose at least one thing the key may do.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (key, token) = ApiKey.Create(Input.Name, scopes, User.ToStaffActor().Name, clock.GetUtcNow());
        db.Set<ApiKey>().Add(key);
        await db.SaveChangesAsync(cancellationToken);
        NewToken = token;
        StatusMessage = $"Key “{key.Name}” created. Copy it now: it is not shown again.";
        Input = new InputModel();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return NotFound();
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Key “{key.Name}” revoked: calls with it are refused from now on.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keys = await db.Set<ApiKey>().AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);

    public static string ScopeText(string scope) => scope switch
    {
        ApiScopes.OrdersWrite => "Push orders and parcel updates",
        ApiScopes.CancellationsRead => "Read cancellation requests",
        ApiScopes.CancellationsWrite => "Record cancellation requests",
        ApiScopes.StockWrite => "Set stock levels",
        _ => scope,
    };

    public sealed class InputModel
    {
        [Display(Name = "Name (what calls with it, such as “Shopify sync”)")]
        [Required(ErrorMessage = "Give the key a name, so you know later what uses it.")]
        [StringLength(100, ErrorMessage = "The name must be at most {1} characters long.")]
        public string Name { get; set; } = "";

        public List<string> Scopes { get; set; } = [];
    }
}
