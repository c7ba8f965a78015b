using System.ComponentModel.DataAnnotations;
using System.Text;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Portal.Accounts;
using CancellationPortal.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using IdentityEmailSender = Microsoft.AspNetCore.Identity.UI.Services.IEmailSender;

namespace CancellationPortal.Portal.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI registration page, which tells anyone that an address already has an account. Here an
/// existing address gets exactly the answer of a new one ("check your email"), and its owner gets an email saying
/// someone tried, with links to sign in or reset the password. Every link is built from the public address.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(UserManager<ApplicationUser> users, IdentityEmailSender emails, PublicUrl publicUrl) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl = null) => ReturnUrl = LocalOrHome(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = new ApplicationUser { UserName = Input.Email, Email = Input.Email };
        var created = await users.CreateAsync(user, Input.Password);
        if (created.Succeeded)
        {
            await SendConfirmationAsync(user);
        }
        else if (created.Errors.All(IsTakenAddress) && await users.FindByEmailAsync(Input.Email) is { } owner)
        {
            await SendAlreadyRegisteredAsync(owner);
        }
        else
        {
            // Only problems with what was typed are left here (the password's rules, an unusable address).
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return RedirectToPage("RegisterConfirmation", new { email = Input.Email, returnUrl = ReturnUrl });
    }

    /// <summary>The password passed its rules before the address was checked, so this answer says nothing about the password either.</summary>
    private static bool IsTakenAddress(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail);

    private async Task SendConfirmationAsync(ApplicationUser user)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = Link("/Account/ConfirmEmail", new { area = "Identity", userId = user.Id, code, returnUrl = ReturnUrl });
        await emails.SendEmailAsync(Input.Email, AccountEmails.ConfirmSubject, AccountEmails.Confirm(link));
    }

    private Task SendAlreadyRegisteredAsync(ApplicationUser owner) => emails.SendEmailAsync(
        owner.Email!,
        AccountEmails.AlreadyRegisteredSubject,
        AccountEmails.AlreadyRegistered(Link("/Account/Login", new { area = "Identity" }), Link("/Account/ForgotPassword", new { area = "Identity" })));

    private string Link(string page, object values) => publicUrl.Link(Url.Page(page, pageHandler: null, values)!);

    /// <summary>Only an address on this site is followed after confirming: a foreign one would make registration an open redirect.</summary>
    private string LocalOrHome(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");

    public sealed class InputModel
    {
        [Required]
        [EmailAddress]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(100, ErrorMessage = "The {0} must be at least {2} and at most {1} characters long.", MinimumLength = 10)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Confirm Password")]
        [Compare(nameof(Password), ErrorMessage = "The password and confirmation password do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
