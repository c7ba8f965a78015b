using CancellationPortal.Domain.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    /// <summary>Signed in with a staff role: refused a page meant for other staff, not the back-office as a whole.</summary>
    public bool IsStaff { get; private set; }

    /// <summary>Who the refused page is for, when staff were refused a restricted page.</summary>
    public string? Audience { get; private set; }

    public void OnGet(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        IsStaff = Roles.StaffRoles.Any(User.IsInRole);
        if (IsStaff && Url.IsLocalUrl(returnUrl))
        {
            Audience = StaffPolicies.RestrictionOf(returnUrl.Split('?', '#')[0])?.Audience;
        }
    }
}
