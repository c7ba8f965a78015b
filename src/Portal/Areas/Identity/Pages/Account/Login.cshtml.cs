using System.ComponentModel.DataAnnotations;
using CancellationPortal.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.Portal.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI sign-in page, which does not count failed attempts: here every failure counts
/// toward the lockout, so a password cannot be guessed by trying many. Only shoppers sign in here: a staff
/// account gets the answer of a wrong password, and its failures are left to the back-office's own lockout.
/// </summary>
[AllowAnonymous]
public sealed partial class LoginModel(SignInManager<ApplicationUser> signInManager, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        if (!string.IsNullOrEmpty(ErrorMessage))
        {
            ModelState.AddModelError(string.Empty, ErrorMessage);
        }

        ReturnUrl = LocalOrHome(returnUrl);

        // A half-finished external sign-in must not carry over into this one.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email);
        if (user is null || !await IsShopperAsync(user))
        {
            return InvalidAttempt();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn();
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            LogLockedOut();
            return RedirectToPage("./Lockout");
        }

        return InvalidAttempt();
    }

    /// <summary>A shopper has the Customer role and no staff role: staff accounts are kept out of the portal entirely.</summary>
    private async Task<bool> IsShopperAsync(ApplicationUser user)
    {
        var roles = await signInManager.UserManager.GetRolesAsync(user);
        return roles.Contains(Roles.Customer) && !Roles.IncludeStaff(roles);
    }

    /// <summary>One answer for an unknown address, a staff account and a wrong password, so none can be told apart.</summary>
    private PageResult InvalidAttempt()
    {
        ModelState.AddModelError(string.Empty, "Invalid login attempt.");
        return Page();
    }

    /// <summary>Only an address on this site is followed after signing in: a foreign one would make the sign-in page an open redirect.</summary>
    private string LocalOrHome(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");

    [LoggerMessage(Level = LogLevel.Information, Message = "A shopper signed in")]
    private partial void LogSignedIn();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An account was locked out after repeated failed sign-ins")]
    private partial void LogLockedOut();

    public sealed class InputModel
    {
        [Required]
        [EmailAddress]
        public string Email { get; set; } = "";

        [Required]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Remember me?")]
        public bool RememberMe { get; set; }
    }
}
