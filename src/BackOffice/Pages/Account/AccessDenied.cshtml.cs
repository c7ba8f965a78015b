using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
