using Microsoft.AspNetCore.Identity;

namespace CancellationPortal.Domain.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

public static class Roles
{
    public const string Customer = "Customer";
    public const string Support = "Support";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    /// <summary>Any of these may enter the back-office.</summary>
    public const string Staff = $"{Support},{Manager},{Admin}";

    public static readonly string[] All = [Customer, Support, Manager, Admin];
    public static readonly string[] StaffRoles = [Support, Manager, Admin];

    /// <summary>Whether an account with these roles is staff: such an account signs in to the back-office only.</summary>
    public static bool IncludeStaff(IEnumerable<string> roles) => roles.Any(StaffRoles.Contains);
}
