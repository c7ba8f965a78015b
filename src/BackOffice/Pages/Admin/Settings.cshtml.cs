using System.ComponentModel.DataAnnotations;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Pages.Admin;

public sealed class SettingsModel(AppDbContext db, StoreTimeZone zones) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await db.StoreSettings.AsNoTracking().SingleAsync(cancellationToken);
        Input = new InputModel
        {
            RevertInvoiceOnCancel = settings.RevertInvoiceOnCancel,
            OverdueAfterHours = settings.OverdueAfterHours,
            PointsPerCurrencyUnit = settings.PointsPerCurrencyUnit,
            RepaymentOverdueAfterDays = settings.RepaymentOverdueAfterDays,
            ShopperUndoWindowDays = settings.ShopperUndoWindowDays,
            StoreName = settings.StoreName,
            LogoUrl = settings.LogoUrl,
            BrandColor = settings.BrandColor,
            StoreAddress = settings.StoreAddress,
            SupportContact = settings.SupportContact,
            TimeZone = settings.TimeZone,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var settings = await db.StoreSettings.SingleAsync(cancellationToken);
        settings.RevertInvoiceOnCancel = Input.RevertInvoiceOnCancel;
        settings.OverdueAfterHours = Input.OverdueAfterHours;
        settings.PointsPerCurrencyUnit = Input.PointsPerCurrencyUnit;
        settings.RepaymentOverdueAfterDays = Input.RepaymentOverdueAfterDays;
        settings.ShopperUndoWindowDays = Input.ShopperUndoWindowDays;
        settings.StoreName = Input.StoreName.Trim();
        settings.LogoUrl = string.IsNullOrWhiteSpace(Input.LogoUrl) ? null : Input.LogoUrl.Trim();
        settings.BrandColor = Input.BrandColor.ToLowerInvariant();
        settings.StoreAddress = string.IsNullOrWhiteSpace(Input.StoreAddress) ? null : Input.StoreAddress.Trim();
        settings.SupportContact = string.IsNullOrWhiteSpace(Input.SupportContact) ? null : Input.SupportContact.Trim();
        settings.TimeZone = Input.TimeZone.Trim();
        await db.SaveChangesAsync(cancellationToken);
        zones.Forget();
        StatusMessage = "Settings saved.";
        return RedirectToPage();
    }

    public sealed class InputModel : IValidatableObject
    {
        [Display(Name = "Issue a credit note when an order is canceled, and an invoice for any amount kept")]
        public bool RevertInvoiceOnCancel { get; set; }

        [Display(Name = "Show a request as overdue after (hours)")]
        [Range(1, 24 * 90)]
        public int OverdueAfterHours { get; set; }

        [Display(Name = "Points per unit of currency when refunding in points")]
        [Range(1, 100_000)]
        public int PointsPerCurrencyUnit { get; set; }

        [Display(Name = "Remind the shopper and show an undo's repayment as overdue after (days)")]
        [Range(1, 365)]
        public int RepaymentOverdueAfterDays { get; set; }

        [Display(Name = "Shoppers may ask to keep a canceled order for (days; 0 turns it off)")]
        [Range(0, 365)]
        public int ShopperUndoWindowDays { get; set; }

        [Display(Name = "Store name")]
        [Required(ErrorMessage = "Enter the store's name as shoppers know it.")]
        [StringLength(StoreSettings.MaxStoreNameLength, ErrorMessage = "The store name must be at most {1} characters long.")]
        public string StoreName { get; set; } = "";

        [Display(Name = "Logo address (optional)")]
        public string? LogoUrl { get; set; }

        [Display(Name = "Brand colour")]
        public string BrandColor { get; set; } = "";

        [Display(Name = "Store address (optional)")]
        [StringLength(StoreSettings.MaxAddressLength, ErrorMessage = "The address must be at most {1} characters long.")]
        public string? StoreAddress { get; set; }

        [Display(Name = "Support contact (optional)")]
        [StringLength(StoreSettings.MaxSupportContactLength, ErrorMessage = "The support contact must be at most {1} characters long.")]
        public string? SupportContact { get; set; }

        [Display(Name = "Store time zone")]
        public string TimeZone { get; set; } = StoreTimeZone.Default;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (StoreBranding.LogoProblem(LogoUrl?.Trim()) is { } logo)
            {
                yield return new ValidationResult(logo, [nameof(LogoUrl)]);
            }

            if (StoreBranding.ColorProblem(BrandColor) is { } color)
            {
                yield return new ValidationResult(color, [nameof(BrandColor)]);
            }

            if (StoreTimeZone.Problem(TimeZone) is { } zone)
            {
                yield return new ValidationResult(zone, [nameof(TimeZone)]);
            }
        }
    }
}
