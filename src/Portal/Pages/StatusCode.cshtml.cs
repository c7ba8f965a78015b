using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.Portal.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => (Title, Explanation) = code switch
    {
        404 => ("Page not found", "There is nothing at this address. If you followed a link to an order, it may belong to another account."),
        403 => ("Not allowed", "Your account cannot open this page."),
        400 => ("Request not understood", "This page cannot do what was asked. Go back to the page and use its buttons."),
        405 => ("Request not understood", "This page cannot be used that way. Open it from a link or use its buttons."),
        429 => ("Too many requests", "You sent several cancellation requests in a short time. Please wait a minute, then try again. Nothing was changed by the last attempt."),
        _ => ("Something went wrong", $"The request could not be completed (status {code})."),
    };

    public void OnPost(int code) => OnGet(code);
}
