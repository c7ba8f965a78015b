using System.Text.Json;
using System.Text.Json.Serialization;

namespace CancellationPortal.BackOffice.Api;

/// <summary>
/// Reads a request body strictly: at most 1 MB, JSON only, no field the API does not know (a misspelt field
/// silently ignored would be data lost), values of the right type. Anything else is a 4xx problem.
/// </summary>
public static class ApiBody
{
    public const int MaxBytes = 1024 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON.", "The Content-Type must be application/json."));
        }

        // A body sent without a length is counted as it arrives.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return body is null
                ? (null, ApiProblems.Status(StatusCodes.Status400BadRequest, "The body is empty.", "Send a JSON object."))
                : (body, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path;
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "This field is not part of the API."
                : "This value is not valid JSON of the expected type.";
            return (null, ApiProblems.Fields(new Dictionary<string, string[]> { [field] = [message] }));
        }
    }

    private static IResult TooLarge() =>
        ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "The body is too large.", $"Bodies can be at most {MaxBytes / 1024:N0} KB.");
}
