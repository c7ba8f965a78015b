using System.ComponentModel.DataAnnotations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Account;

public sealed class LoginModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Only staff may sign in here: a shopper's correct password still gets the generic answer.
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not null && Roles.IncludeStaff(await users.GetRolesAsync(user)))
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            }

            if (result.IsLockedOut)
            {
                ModelState.AddModelError(string.Empty, $"This account is locked for {Durations.InWords(signIn.Options.Lockout.DefaultLockoutTimeSpan)} after too many failed sign-ins.");
                return Page();
            }
        }

        ModelState.AddModelError(string.Empty, "Wrong email or password, or not a staff account.");
        return Page();
    }

    public sealed class InputModel
    {
        [Required]
        [EmailAddress]
        public string Email { get; set; } = "";

        [Required]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
