using CancellationPortal.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CancellationPortal.Web;

public static class FieldErrors
{
    /// <summary>
    /// Puts a refused form's errors beside their fields. A command's property name is that of the page's input
    /// property under <c>Input</c> (<c>Input.Reason</c>) unless <paramref name="fieldKey"/> names the form's field.
    /// </summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, Error? error, Func<string, string>? fieldKey = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var field in error?.FieldErrors ?? [])
        {
            modelState.AddModelError(fieldKey?.Invoke(field.Field!) ?? $"Input.{field.Field}", field.Message);
        }
    }
}
