using CancellationPortal.Domain.Persistence;

namespace CancellationPortal.Domain.Tests.Common;

/// <summary>
/// Routes, request bodies and status codes belong to the apps; the Domain keeps plain code they call. It still
/// builds on ASP.NET Core's Identity and data protection, so only the web-serving assemblies are checked.
/// </summary>
public sealed class TheDomainServesNoHttpEndpoint
{
    [Theory]
    [InlineData("Microsoft.AspNetCore.Routing")]
    [InlineData("Microsoft.AspNetCore.Http.Results")]
    [InlineData("Microsoft.AspNetCore.Mvc.Core")]
    public void TheDomainDoesNotReferenceTheAssemblyThatServesRequests(string webAssembly)
    {
        var references = typeof(AppDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        references.ShouldNotContain(webAssembly);
    }
}
