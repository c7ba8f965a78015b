using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CancellationPortal.BackOffice.Tests.Support;

/// <summary>
/// A store's webhook endpoint on loopback: records every request and answers each with the next scripted reply
/// (a status code, or a wait longer than the sender's timeout), then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Func<HttpListenerResponse, Task>> _replies = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public void ThenAnswer(HttpStatusCode status, string? location = null) => _replies.Enqueue(response =>
    {
        response.StatusCode = (int)status;
        if (location is not null)
        {
            response.RedirectLocation = location;
        }

        return Task.CompletedTask;
    });

    public void ThenWait(TimeSpan wait) => _replies.Enqueue(async response =>
    {
        await Task.Delay(wait);
        response.StatusCode = 200;
    });

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                Requests.Enqueue(new Received(
                    context.Request.Url!.AbsolutePath,
                    context.Request.Headers["webhook-id"] ?? "",
                    context.Request.Headers["webhook-timestamp"] ?? "",
                    context.Request.Headers["webhook-signature"] ?? "",
                    body));
                try
                {
                    if (_replies.TryDequeue(out var reply))
                    {
                        await reply(context.Response);
                    }

                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    // The sender gave up waiting.
                }
            });
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public sealed record Received(string Path, string Id, string Timestamp, string Signature, string Body);
}
