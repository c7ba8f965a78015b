using System.Net;
using System.Text.Json;
using CancellationPortal.BackOffice.Api;
using CancellationPortal.BackOffice.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests;

[Collection(SqliteCollection.Name)]
public sealed class TheApiDocument(SqliteBackOffice app)
{
    [Fact]
    public async Task TheOpenApiDocumentListsEveryApiEndpointWithItsMethod()
    {
        var response = await app.ApiClient(null).GetAsync(IntegrationApi.DocumentPath);

        var document = await response.JsonAsync(HttpStatusCode.OK);
        document.GetProperty("openapi").GetString().ShouldStartWith("3.");
        var paths = document.GetProperty("paths");
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(IntegrationApi.Prefix, StringComparison.Ordinal) && e.RoutePattern.RawText != IntegrationApi.DocumentPath)
            .ToList();
        endpoints.Count.ShouldBe(7);
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!.Replace(":guid", "", StringComparison.Ordinal);
            paths.TryGetProperty(path, out var item).ShouldBeTrue(path);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                item.TryGetProperty(method.ToLowerInvariant(), out var operation).ShouldBeTrue($"{method} {path}");
                operation.GetProperty("summary").GetString().ShouldNotBeNullOrEmpty();
            }
        }

        paths.EnumerateObject().ShouldAllBe(p => p.Name.StartsWith(IntegrationApi.Prefix, StringComparison.Ordinal));
        document.GetProperty("components").GetProperty("schemas").TryGetProperty(nameof(Domain.Integrations.PutOrder), out _).ShouldBeTrue(JsonSerializer.Serialize(document));
    }
}
