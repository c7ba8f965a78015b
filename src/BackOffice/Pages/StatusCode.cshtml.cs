using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => (Title, Explanation) = code switch
    {
        404 => ("Page not found", "There is nothing at this address."),
        403 => ("Not allowed", "Your account cannot open this page."),
        400 => ("Request not understood", "This page cannot do what was asked. Go back to the page and use its buttons."),
        405 => ("Request not understood", "This page cannot be used that way. Open it from a link or use its buttons."),
        _ => ("Something went wrong", $"The request could not be completed (status {code})."),
    };

    public void OnPost(int code) => OnGet(code);
}
