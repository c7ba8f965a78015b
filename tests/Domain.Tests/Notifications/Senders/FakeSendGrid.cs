using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancellationPortal.Domain.Tests.Notifications.Senders;

public sealed record SendGridCall(string Method, string Path, string? Authorization, string ContentType, string Body);

/// <summary>What the fake answers the next Mail Send with: SendGrid's 202 by default.</summary>
public sealed record SendGridAnswer(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static readonly SendGridAnswer Accepted = new(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = "sg-message-1" });
}

/// <summary>SendGrid's v3 Mail Send endpoint on loopback: it records each call and answers as told.</summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSendGrid(WebApplication app) => _app = app;

    public ConcurrentQueue<SendGridCall> Calls { get; } = new();

    public SendGridAnswer Answer { get; set; } = SendGridAnswer.Accepted;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeSendGrid> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSendGrid(app);
        app.MapPost("/v3/mail/send", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Calls.Enqueue(new SendGridCall(
            context.Request.Method,
            context.Request.Path,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType ?? "",
            await reader.ReadToEndAsync(context.RequestAborted)));
        var answer = Answer;
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
