namespace CancellationPortal.Domain.Common;

/// <summary>
/// How both apps answer a refused use case: the page is shown again with the error's message (beside its
/// field when it names one) and the HTTP status below. A concurrency conflict arrives as a Conflict that
/// names who changed the request first. Plain numbers, so the domain needs no web types.
/// </summary>
public static class Refusal
{
    /// <summary>The form itself has errors (a field missing or unreadable), found before any use case ran.</summary>
    public const int FormErrors = 400;

    /// <summary>What the page says above a form whose fields have errors.</summary>
    public const string FormErrorsMessage = "Please correct the form below.";

    /// <summary>The status of a refusal; that of the form's own errors when no use case refused.</summary>
    public static int ToStatusCode(this Error? error) => error?.Kind switch
    {
        null => FormErrors,
        _ when error.FieldErrors.Count > 0 => FormErrors,
        ErrorKind.NotFound => 404,
        // Somebody else's change got there first, or the state does not allow the action: the input is fine.
        ErrorKind.Conflict or ErrorKind.NotAllowed => 409,
        _ => 422,
    };

    /// <summary>What the page says above the form: the refusal, or a pointer to the form's own errors.</summary>
    public static string ToPageMessage(this Error? error) => error?.Message ?? FormErrorsMessage;
}
