using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Integrations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CancellationPortal.BackOffice.Api;

/// <summary>
/// The integration API under /api/v1: a shop platform pushes orders, parcels and stock in, records requests that
/// reached the store another way, and reads requests back. Every call needs an API key (see <see cref="ApiKeyFilter"/>).
/// </summary>
public static class IntegrationApi
{
    public const string Prefix = "/api/v1";
    public const string DocumentPath = Prefix + "/openapi.json";

    public static IServiceCollection AddIntegrationApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddScoped<ApiKeys>();
        services.AddScoped<CancellationFeed>();
        services.AddScoped<CanceledOrdersLog>();
        services.AddSingleton<ApiRateLimiter>();
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Cancellations integration API";
                document.Info.Description = "Orders, parcels and stock in; cancellation requests out. Authenticate with 'Authorization: Bearer <API key>'.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIntegrationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(Prefix + "/openapi.json").AllowAnonymous();

        // Keys, not sign-in cookies, open the API; a cookie-less caller needs no antiforgery token.
        var api = endpoints.MapGroup(Prefix).AllowAnonymous().DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPut("/orders/{externalId}", PutOrderAsync).RequiresScope(ApiScopes.OrdersWrite)
            .WithName("PutOrder").WithSummary("Create or update an order (idempotent)")
            .Accepts<PutOrder>("application/json").Produces<PutOrderResult>().Produces<PutOrderResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/shipments/{trackingNumber}/events", RecordShipmentEventAsync).RequiresScope(ApiScopes.OrdersWrite)
            .WithName("RecordShipmentEvent").WithSummary("Record a carrier's status update for a parcel")
            .Accepts<RecordShipmentEvent>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/stock/{sku}", SetStockAsync).RequiresScope(ApiScopes.StockWrite)
            .WithName("SetStockLevel").WithSummary("Set the number on hand of a SKU")
            .Accepts<SetStockLevel>("application/json").Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapPost("/orders/{externalId}/cancellation-requests", RequestCancellationAsync).RequiresScope(ApiScopes.CancellationsWrite)
            .WithName("RequestCancellation").WithSummary("Record a cancellation request the shopper made by email or phone")
            .Accepts<RequestCancellationByApi>("application/json").Produces<CancellationRequestView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/cancellation-requests", ListCancellationRequestsAsync).RequiresScope(ApiScopes.CancellationsRead)
            .WithName("ListCancellationRequests").WithSummary("Cancellation requests in the order they last changed, a page at a time")
            .ProducesValidationProblem();
        api.MapGet("/cancellation-requests/{id:guid}", GetCancellationRequestAsync).RequiresScope(ApiScopes.CancellationsRead)
            .WithName("GetCancellationRequest").WithSummary("One cancellation request")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/cancellations.csv", async (CanceledOrdersLog log, CancellationToken cancellationToken) =>
                TypedResults.Text(await log.CsvAsync(cancellationToken), "text/csv; charset=utf-8"))
            .RequiresScope(ApiScopes.CancellationsRead)
            .WithName("CanceledOrdersCsv").WithSummary("Canceled orders with reasons, refund and who decided, as CSV")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return endpoints;
    }

    private static RouteHandlerBuilder RequiresScope(this RouteHandlerBuilder builder, string scope) =>
        builder.AddEndpointFilter(new ApiKeyFilter(scope));

    private static async Task<IResult> PutOrderAsync(string externalId, HttpRequest request, ISender sender)
    {
        var (body, problem) = await ApiBody.ReadAsync<PutOrder>(request);
        if (body is null)
        {
            return problem!;
        }

        var result = await sender.Send(body with { ExternalId = externalId }, request.HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        return result.Value!.Outcome == PutOrderOutcome.Created
            ? TypedResults.Created($"{Prefix}/orders/{Uri.EscapeDataString(externalId)}", result.Value)
            : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> RecordShipmentEventAsync(string trackingNumber, HttpRequest request, ISender sender)
    {
        var (body, problem) = await ApiBody.ReadAsync<RecordShipmentEvent>(request);
        if (body is null)
        {
            return problem!;
        }

        var result = await sender.Send(body with { TrackingNumber = trackingNumber }, request.HttpContext.RequestAborted);
        return result.IsSuccess ? TypedResults.NoContent() : ApiProblems.From(result.Error!);
    }

    private static async Task<IResult> SetStockAsync(string sku, HttpRequest request, ISender sender)
    {
        var (body, problem) = await ApiBody.ReadAsync<SetStockLevel>(request);
        if (body is null)
        {
            return problem!;
        }

        var result = await sender.Send(body with { Sku = sku }, request.HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        return result.Value ? TypedResults.Created($"{Prefix}/stock/{Uri.EscapeDataString(sku)}", (object?)null) : TypedResults.NoContent();
    }

    private static async Task<IResult> RequestCancellationAsync(string externalId, HttpRequest request, ISender sender, CancellationFeed feed)
    {
        var (body, problem) = await ApiBody.ReadAsync<RequestCancellationByApi>(request);
        if (body is null)
        {
            return problem!;
        }

        var caller = (Actor)request.HttpContext.Items[ApiKeyFilter.CallerItem]!;
        var result = await sender.Send(body with { ExternalId = externalId, Caller = caller }, request.HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        var view = await feed.FindAsync(result.Value!.Id, request.HttpContext.RequestAborted);
        return TypedResults.Created($"{Prefix}/cancellation-requests/{view!.Id}", view);
    }

    private static async Task<IResult> ListCancellationRequestsAsync(
        HttpRequest request, CancellationFeed feed, string? status = null, string? updatedSince = null, string? cursor = null, int? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        CancellationStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<CancellationStatus>(status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = [$"The status must be one of: {string.Join(", ", Enum.GetNames<CancellationStatus>())}."];
            }
        }

        DateTimeOffset? since = null;
        if (updatedSince is not null)
        {
            if (DateTimeOffset.TryParse(updatedSince, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                since = parsed;
            }
            else
            {
                errors["updatedSince"] = ["Give a time in ISO 8601 with its offset, such as 2026-11-01T00:00:00Z."];
            }
        }

        var after = cursor is null ? null : CancellationFeed.Cursor.Decode(cursor);
        if (cursor is not null && after is null)
        {
            errors["cursor"] = ["Pass back the nextCursor of the previous page as it was."];
        }

        if (limit is < 1 or > CancellationFeed.MaxPageSize)
        {
            errors["limit"] = [$"The limit must be from 1 to {CancellationFeed.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Fields(errors);
        }

        return TypedResults.Ok(await feed.PageAsync(wanted, since, after, limit ?? 50, request.HttpContext.RequestAborted));
    }

    private static async Task<Results<Ok<CancellationRequestView>, ProblemHttpResult>> GetCancellationRequestAsync(Guid id, CancellationFeed feed, CancellationToken cancellationToken) =>
        await feed.FindAsync(id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No such cancellation request.");
}
