using CancellationPortal.Domain.Queue;
using Microsoft.AspNetCore.Mvc;

namespace CancellationPortal.BackOffice.Pages.Shared.Components.MainNav;

/// <summary>The side navigation: every area staff may open, the queue with how many requests wait for a decision.</summary>
public sealed class MainNavViewComponent(CancellationQueue queue, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var waiting = await queue.CountAsync([new QueueQuery()], clock.GetUtcNow(), HttpContext.RequestAborted);
        var page = ViewContext.RouteData.Values["page"] as string ?? "";
        var isAdmin = UserClaimsPrincipal.IsInRole(Domain.Identity.Roles.Admin);
        return View(new NavModel(waiting[0], page, isAdmin, isAdmin || UserClaimsPrincipal.IsInRole(Domain.Identity.Roles.Manager)));
    }

    /// <param name="CurrentPage">The Razor page shown, so its area is marked as the current one.</param>
    /// <param name="ReadsReports">Managers and admins: the reports are theirs.</param>
    public sealed record NavModel(int Waiting, string CurrentPage, bool IsAdmin, bool ReadsReports)
    {
        /// <summary>"page" on the link of the area the page belongs to (a request belongs to the queue), for aria-current.</summary>
        public string? CurrentIf(string area) =>
            CurrentPage == area || CurrentPage.StartsWith(area + "/", StringComparison.Ordinal) ? "page" : null;
    }
}
