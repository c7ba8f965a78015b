using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Web;

/// <summary>
/// Razor Pages renders a page even when no handler matches the request (a POST to a page with only named
/// handlers, <c>?handler=Nope</c>, a PUT), skipping the handler that loads what the page shows, which then
/// fails as a 500. This answers such requests instead: 400 for a handler name the page does not have,
/// 405 (with Allow) for a method it does not take.
/// </summary>
public sealed class UnknownPageHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var handlers = context.ActionDescriptor.HandlerMethods;
        var features = context.HttpContext.Features;

        // Pages without handlers only render; the error and status pages re-executed for another request's
        // method show their message whatever that method was.
        if (context.HandlerMethod is not null || handlers.Count == 0
            || features.Get<IStatusCodeReExecuteFeature>() is not null || features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next();
            return;
        }

        var request = context.HttpContext.Request;
        var methods = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var method = HttpMethods.IsHead(request.Method) ? HttpMethods.Get : request.Method.ToUpperInvariant();
        if (methods.Contains(method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", methods);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}

public static class UnknownPageHandlerConventions
{
    /// <summary>Every page answers an unknown handler or method with 400 or 405 instead of rendering without its data.</summary>
    public static PageConventionCollection AnswerUnknownHandlers(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.ConfigureFilter(new UnknownPageHandlerFilter());
        return conventions;
    }
}
