using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Branding;

/// <summary>The store's name, logo and brand colour as the portal's pages wear them.</summary>
public sealed record StoreBrand(string Name, string? LogoUrl, string Color);

/// <summary>Reads the branding from the store settings once per request (the layout and a page may both ask).</summary>
public sealed class StoreBrandReader(AppDbContext db)
{
    private StoreBrand? _brand;

    public async Task<StoreBrand> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_brand is not null)
        {
            return _brand;
        }

        var settings = await db.StoreSettings.AsNoTracking()
            .Select(s => new { s.StoreName, s.LogoUrl, s.BrandColor })
            .SingleAsync(cancellationToken);

        // The settings page checks both before saving; a row changed some other way must not break the page or its colours.
        _brand = new StoreBrand(
            settings.StoreName,
            StoreBranding.LogoProblem(settings.LogoUrl) is null ? settings.LogoUrl : null,
            StoreBranding.ColorProblem(settings.BrandColor) is null ? settings.BrandColor : StoreBranding.DefaultBrandColor);
        return _brand;
    }
}
