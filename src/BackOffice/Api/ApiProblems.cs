using System.Text.Json;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.BackOffice.Api;

/// <summary>Every refusal of the API as RFC 9457 problem details, with field errors keyed by the JSON path of the field.</summary>
public static class ApiProblems
{
    public static IResult Status(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static IResult Fields(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has errors in its fields.");

    /// <summary>A use case's refusal: field errors beside their fields, the rest by kind.</summary>
    public static IResult From(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.FieldErrors.Count > 0)
        {
            return Fields(error.FieldErrors
                .GroupBy(e => JsonPath(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        return error.Kind switch
        {
            ErrorKind.NotFound => Status(StatusCodes.Status404NotFound, "Not found.", error.Message),
            ErrorKind.Conflict or ErrorKind.NotAllowed => Status(StatusCodes.Status409Conflict, "Refused in the current state.", error.Message),
            _ => Status(StatusCodes.Status400BadRequest, "The request was refused.", error.Message),
        };
    }

    /// <summary>"Lines[0].UnitPrice" as the caller wrote it: "lines[0].unitPrice".</summary>
    private static string JsonPath(string? field) =>
        string.IsNullOrEmpty(field)
            ? ""
            : string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
