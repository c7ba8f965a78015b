using System.Security.Claims;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.BackOffice;

public static class StaffActor
{
    /// <summary>The signed-in staff member as recorded on audit entries and assignments.</summary>
    public static Actor ToStaffActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Actor.Staff(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.Identity?.Name ?? "staff");
    }

}
