using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>A request as it arrived on the socket.</summary>
    public sealed record RecordedRequest(
        string Method,
        string Target,
        IReadOnlyDictionary<string, string> Headers,
        string Body)
    {
        public string Path => Target.Split('?')[0];

        public string Query => Target.Contains('?') ? Target.Substring(Target.IndexOf('?') + 1) : string.Empty;

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>What the server does with one request.</summary>
    public sealed class LoopbackResponse
    {
        public int Status { get; init; } = 200;

        public string Body { get; init; } = string.Empty;

        public string ContentType { get; init; } = "application/json";

        public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

        /// <summary>Wait this long before answering at all.</summary>
        public TimeSpan Delay { get; init; }

        /// <summary>Send the headers and part of the body, then stall this long.</summary>
        public TimeSpan StallBody { get; init; }

        /// <summary>Close the connection without answering.</summary>
        public bool DropConnection { get; init; }

        /// <summary>
        /// Send the status line, then close the connection: the response ends part way. Unlike
        /// <see cref="DropConnection"/>, which .NET's own handler may quietly resend when not a
        /// byte of the response came back, this failure reaches the handlers above it.
        /// </summary>
        public bool DropMidResponse { get; init; }

        public static LoopbackResponse Json(string body, int status = 200) => new() { Status = status, Body = body };
    }

    /// <summary>
    /// A small HTTP/1.1 server on 127.0.0.1 and a free port, for tests that need real sockets:
    /// retries, redirects, timeouts, dropped connections. Records every request it gets.
    /// </summary>
    public sealed class LoopbackServer : RawTcpServer
    {
        private readonly Func<RecordedRequest, int, LoopbackResponse> _handler;
        private readonly ConcurrentQueue<RecordedRequest> _requests = new();
        private int _count;

        /// <param name="handler">Gets the request and its 0-based index; returns what to answer.</param>
        public LoopbackServer(Func<RecordedRequest, int, LoopbackResponse> handler)
        {
            _handler = handler;
            Start();
        }

        public LoopbackServer(Func<RecordedRequest, LoopbackResponse> handler)
            : this((request, _) => handler(request))
        {
        }

        public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

        /// <summary>A port nothing listens on: connecting to it is refused.</summary>
        public static int UnusedPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        protected override async Task ServeAsync(TcpClient client)
        {
            var stream = client.GetStream();
            var reader = new HttpRequestReader(stream);
            while (!Stopping.IsCancellationRequested)
            {
                var request = await reader.ReadAsync().ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                var index = Interlocked.Increment(ref _count) - 1;
                var response = _handler(request, index);
                if (response.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(response.Delay, Stopping).ConfigureAwait(false);
                }

                if (response.DropConnection)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                if (response.DropMidResponse)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n"), Stopping).ConfigureAwait(false);
                    await stream.FlushAsync(Stopping).ConfigureAwait(false);
                    return;
                }

                await WriteResponseAsync(stream, response).ConfigureAwait(false);
            }
        }

        private async Task WriteResponseAsync(NetworkStream stream, LoopbackResponse response)
        {
            var body = Encoding.UTF8.GetBytes(response.Body);
            var head = new StringBuilder();
            head.Append($"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n");
            if (body.Length > 0 || response.Status >= 200)
            {
                head.Append($"Content-Type: {response.ContentType}\r\n");
            }

            head.Append($"Content-Length: {body.Length}\r\n");
            foreach (var header in response.Headers)
            {
                head.Append($"{header.Key}: {header.Value}\r\n");
            }

            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), Stopping).ConfigureAwait(false);
            if (response.StallBody > TimeSpan.Zero && body.Length > 1)
            {
                await stream.WriteAsync(body.AsMemory(0, 1), Stopping).ConfigureAwait(false);
                await stream.FlushAsync(Stopping).ConfigureAwait(false);
                await Task.Delay(response.StallBody, Stopping).ConfigureAwait(false);
                await stream.WriteAsync(body.AsMemory(1), Stopping).ConfigureAwait(false);
            }
            else
            {
                await stream.WriteAsync(body, Stopping).ConfigureAwait(false);
            }

            await stream.FlushAsync(Stopping).ConfigureAwait(false);
        }

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            301 => "Moved Permanently",
            302 => "Found",
            307 => "Temporary Redirect",
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            409 => "Conflict",
            422 => "Unprocessable Entity",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Status",
        };
    }
}
