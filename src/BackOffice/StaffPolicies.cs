namespace CancellationPortal.BackOffice;

public static class StaffPolicies
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";
}
