using System.Security.Claims;
using CancellationPortal.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace CancellationPortal.BackOffice;

public static class StaffActor
{
    /// <summary>The signed-in staff member as recorded on audit entries and assignments.</summary>
    public static Actor ToStaffActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Actor.Staff(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.Identity?.Name ?? "staff");
    }

    /// <summary>The status code a refused use case answers with when the page is shown again.</summary>
    public static int ToStatusCode(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.NotAllowed => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
    }
}
