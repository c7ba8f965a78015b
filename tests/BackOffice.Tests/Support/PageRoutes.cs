using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests.Support;

public static class PageRoutes
{
    /// <summary>Every page that needs a signed-in staff member, found from the app's own routes, with a real request and order in its address.</summary>
    public static async Task<List<string>> ProtectedPagesAsync(this BackOfficeApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var seeded = await app.SeedAsync();

        // Accepted, so every page of a request opens as staff see it (an undo needs a request in progress or done).
        await app.ChangeRequestAsync(seeded.RequestId, r => r.Accept(Domain.Common.Actor.Staff("s", "Sue Support"), app.Clock.GetUtcNow()));
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!
                .Replace("{id:guid}", seeded.RequestId.ToString(), StringComparison.Ordinal)
                .Replace("{number}", seeded.Number, StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
