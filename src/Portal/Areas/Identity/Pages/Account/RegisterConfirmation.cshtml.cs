using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.Portal.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI page, which looks the address up and answers 404 for one without an account: anyone could
/// have probed which addresses are registered. This one says the same to everybody and looks nothing up.
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel
{
    public void OnGet()
    {
    }
}
