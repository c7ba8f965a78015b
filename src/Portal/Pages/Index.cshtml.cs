using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.Portal.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
