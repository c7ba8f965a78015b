using CancellationPortal.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CancellationPortal.Web;

public static class FieldErrors
{
    /// <summary>
    /// Puts a refused form's errors beside their fields: a command's property name is the name of the page's
    /// input property under <paramref name="prefix"/> (<c>Input.Reason</c>).
    /// </summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, Error? error, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var field in error?.FieldErrors ?? [])
        {
            modelState.AddModelError($"{prefix}.{field.Field}", field.Message);
        }
    }
}
