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
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// An HTTP/1.1 server on 127.0.0.1 that answers byte by byte as a script says: any status line,
    /// any header line (valid or not), chunked or compressed bodies that never end, a drip, a stall,
    /// a reset after the request was read, or no reading at all. Every request it reads is recorded
    /// and numbered in arrival order; every wait and write ends when the server is disposed.
    /// </summary>
    internal sealed class HostileServer : RawTcpServer
    {
        private readonly Func<HostileExchange, Task>? _respond;
        private readonly ConcurrentQueue<RecordedRequest> _requests = new();
        private int _count;

        /// <param name="respond">
        /// Called once per request read, with the request and its 0-based index over the whole
        /// server; writes the answer. The connection serves its next request unless the script
        /// closed or reset it.
        /// </param>
        public HostileServer(Func<HostileExchange, Task> respond)
            : this(respond, readRequests: true)
        {
        }

        private HostileServer(Func<HostileExchange, Task>? respond, bool readRequests)
        {
            _respond = respond;
            ReadsRequests = readRequests;
            Start();
        }

        /// <summary>A server that accepts connections and never reads a byte from them, nor answers.</summary>
        public static HostileServer NeverReading() => new(null, readRequests: false);

        public bool ReadsRequests { get; }

        public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

        internal CancellationToken StopToken => Stopping;

        protected override async Task ServeAsync(TcpClient client)
        {
            if (!ReadsRequests)
            {
                await Task.Delay(Timeout.Infinite, Stopping).ConfigureAwait(false);
                return;
            }

            var stream = client.GetStream();
            var reader = new HttpRequestReader(stream, Stopping);
            while (!Stopping.IsCancellationRequested)
            {
                var request = await reader.ReadAsync().ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                var exchange = new HostileExchange(this, client, stream, request, Interlocked.Increment(ref _count) - 1);
                await _respond!(exchange).ConfigureAwait(false);
                if (exchange.Closed)
                {
                    return;
                }

                await stream.FlushAsync(Stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One request on a <see cref="HostileServer"/> and the raw means to answer it.</summary>
    internal sealed class HostileExchange
    {
        private static readonly byte[] Crlf = { (byte)'\r', (byte)'\n' };
        private readonly HostileServer _server;
        private readonly TcpClient _client;

        public HostileExchange(HostileServer server, TcpClient client, NetworkStream stream, RecordedRequest request, int index)
        {
            _server = server;
            _client = client;
            Stream = stream;
            Request = request;
            Index = index;
        }

        public RecordedRequest Request { get; }

        /// <summary>0-based, over every request the server has read.</summary>
        public int Index { get; }

        public NetworkStream Stream { get; }

        public CancellationToken Stopping => _server.StopToken;

        /// <summary>The script closed or reset the connection: the server reads no more from it.</summary>
        public bool Closed { get; private set; }

        public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

        public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
        {
            await Stream.WriteAsync(bytes, Stopping).ConfigureAwait(false);
        }

        /// <summary>A status line with any reason phrase, then the header lines as given (no Content-Length unless given), then the blank line.</summary>
        public Task WriteHeadAsync(int status, string reason, params string[] headerLines)
        {
            var head = new StringBuilder($"HTTP/1.1 {status} {reason}\r\n");
            foreach (var line in headerLines)
            {
                head.Append(line).Append("\r\n");
            }

            head.Append("\r\n");
            return WriteAsync(head.ToString());
        }

        /// <summary>A complete answer with Content-Length.</summary>
        public Task RespondAsync(int status, string body, params string[] headerLines) =>
            RespondAsync(status, ReasonOf(status), Encoding.UTF8.GetBytes(body), headerLines);

        public async Task RespondAsync(int status, string reason, byte[] body, params string[] headerLines)
        {
            var lines = new List<string> { "Content-Type: application/json", $"Content-Length: {body.Length}" };
            lines.AddRange(headerLines);
            await WriteHeadAsync(status, reason, lines.ToArray()).ConfigureAwait(false);
            await WriteAsync(body).ConfigureAwait(false);
        }

        public async Task WriteChunkAsync(ReadOnlyMemory<byte> data)
        {
            await WriteAsync($"{data.Length:x}\r\n").ConfigureAwait(false);
            await WriteAsync(data).ConfigureAwait(false);
            await WriteAsync(Crlf).ConfigureAwait(false);
        }

        public Task EndChunksAsync() => WriteAsync("0\r\n\r\n");

        /// <summary>Ends the connection with a TCP reset (no FIN, no answer).</summary>
        public void Reset()
        {
            Closed = true;
            _client.Client.LingerState = new LingerOption(true, 0);
            _client.Client.Close();
        }

        /// <summary>Ends the connection with a normal close.</summary>
        public void Close()
        {
            Closed = true;
            _client.Client.Shutdown(SocketShutdown.Both);
            _client.Client.Close();
        }

        /// <summary>Waits until the server is disposed: an answer that never comes.</summary>
        public async Task HangAsync()
        {
            Closed = true;
            try
            {
                await Task.Delay(Timeout.Infinite, Stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        public static string ReasonOf(int status) => status switch
        {
            200 => "OK",
            201 => "Created",
            202 => "Accepted",
            204 => "No Content",
            301 => "Moved Permanently",
            302 => "Found",
            303 => "See Other",
            307 => "Temporary Redirect",
            308 => "Permanent Redirect",
            400 => "Bad Request",
            404 => "Not Found",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Status",
        };
    }
}
