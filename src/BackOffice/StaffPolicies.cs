namespace CancellationPortal.BackOffice;

public static class StaffPolicies
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    /// <summary>Managers and admins: the refund reports show the whole store's money, which support staff do not need.</summary>
    public const string Managers = "Managers";

    /// <summary>
    /// Folders only some staff may open. The same list sets up authorization and lets a refusal name who the
    /// page is for, instead of telling a manager that they are not staff.
    /// </summary>
    public static readonly IReadOnlyList<RestrictedFolder> RestrictedFolders =
        [new("/Admin", Admin, "admins"), new("/Reports", Managers, "managers and admins"), new("/Integrations", Admin, "admins")];

    /// <summary>The restriction of the folder a local path lies in, if any.</summary>
    public static RestrictedFolder? RestrictionOf(string? path) =>
        path is null
            ? null
            : RestrictedFolders.FirstOrDefault(f => path.Equals(f.Folder, StringComparison.OrdinalIgnoreCase)
                || path.StartsWith(f.Folder + "/", StringComparison.OrdinalIgnoreCase));
}

/// <param name="Audience">Who the folder's pages are for, as a refusal says it ("This page is for admins").</param>
public sealed record RestrictedFolder(string Folder, string Policy, string Audience);
