using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CancellationPortal.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Admin;

/// <summary>Admins add staff accounts and set their roles; the back-office has no self-registration.</summary>
public sealed class StaffModel(UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var roles = CheckRoles();
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter a first password.");
        }

        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Input.Email))
        {
            return await ShowAgainAsync("Enter an email address.");
        }

        var user = new ApplicationUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), EmailConfirmed = true, DisplayName = Input.DisplayName?.Trim() ?? Input.Email.Trim() };
        var created = await users.CreateAsync(user, Input.Password!);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, roles);
        }

        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return await ShowAgainAsync(null);
        }

        StatusMessage = $"{user.Email} added as {string.Join(", ", roles)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRolesAsync()
    {
        var roles = CheckRoles();
        var user = Input.UserId is null ? null : await users.FindByIdAsync(Input.UserId);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == User.FindFirstValue(ClaimTypes.NameIdentifier) && !roles.Contains(Roles.Admin))
        {
            ModelState.AddModelError(string.Empty, "You cannot remove your own Admin role: another admin must do it.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(null);
        }

        var current = (await users.GetRolesAsync(user)).Where(r => Roles.StaffRoles.Contains(r)).ToList();
        var result = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles.Except(current));
        }

        if (result.Succeeded)
        {
            // A new stamp invalidates the cookies already handed out, so the change holds at the next validation.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return await ShowAgainAsync(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        StatusMessage = roles.Count == 0 ? $"{user.Email} no longer has back-office access." : $"{user.Email} is now {string.Join(", ", roles)}.";
        return RedirectToPage();
    }

    private List<string> CheckRoles()
    {
        var roles = Input.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (roles.Any(r => !Roles.StaffRoles.Contains(r)))
        {
            ModelState.AddModelError(string.Empty, "Choose roles from the list: Support, Manager, Admin.");
        }

        return roles;
    }

    private async Task<IActionResult> ShowAgainAsync(string? message)
    {
        if (message is not null)
        {
            ModelState.AddModelError(string.Empty, message);
        }

        await LoadAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync()
    {
        var rows = new List<StaffRow>();
        foreach (var role in Roles.StaffRoles)
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                var row = rows.FirstOrDefault(r => r.Id == user.Id);
                if (row is null)
                {
                    rows.Add(row = new StaffRow(user.Id, user.Email ?? "", user.DisplayName, []));
                }

                row.Roles.Add(role);
            }
        }

        Staff = [.. rows.OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }

    public sealed record StaffRow(string Id, string Email, string DisplayName, List<string> Roles);

    public sealed class InputModel
    {
        public string? UserId { get; set; }

        [EmailAddress]
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [Display(Name = "Name")]
        public string? DisplayName { get; set; }

        [DataType(DataType.Password)]
        [Display(Name = "First password")]
        public string? Password { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
