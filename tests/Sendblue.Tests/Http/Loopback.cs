using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>Small pieces the HTTP-layer tests share: options for a loopback server, a valid send, arrival times.</summary>
    internal static class Loopback
    {
        /// <summary>Backoff short enough that retries cost the suite nothing; Retry-After still sets the floor.</summary>
        public static readonly TimeSpan FastBackoff = TimeSpan.FromMilliseconds(10);

        public static SendblueClientOptions Options(Uri baseUrl, int maxRetries = SendblueClientOptions.DefaultMaxRetries, TimeSpan? timeout = null)
        {
            var options = MockHttp.Options(baseUrl);
            options.MaxRetries = maxRetries;
            options.Timeout = timeout ?? TimeSpan.FromSeconds(10);
            options.RetryBaseDelay = FastBackoff;
            return options;
        }

        public static SendblueClient Client(LoopbackServer server, int maxRetries = SendblueClientOptions.DefaultMaxRetries, TimeSpan? timeout = null) =>
            new(Options(server.BaseUrl, maxRetries, timeout));

        public static SendMessageRequest Send() => new()
        {
            Number = "+19998887777",
            FromNumber = "+16292925296",
            Content = "Your table for two is ready.",
        };

        public static LoopbackResponse Ok() => LoopbackResponse.Json(Payloads.MessageResponse);

        public static LoopbackResponse Error(int status, string message = "something went wrong") =>
            LoopbackResponse.Json($$"""{ "status": "ERROR", "error_message": "{{message}}" }""", status);

        public static LoopbackResponse With(this LoopbackResponse response, string header, string value)
        {
            response.Headers[header] = value;
            return response;
        }
    }

    /// <summary>When each request reached the server's handler, on one monotonic clock.</summary>
    internal sealed class Arrivals
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConcurrentQueue<TimeSpan> _times = new();

        /// <summary>Wraps a handler so that every request it answers is timed first.</summary>
        public Func<RecordedRequest, int, LoopbackResponse> Record(Func<RecordedRequest, int, LoopbackResponse> handler) =>
            (request, index) =>
            {
                _times.Enqueue(_clock.Elapsed);
                return handler(request, index);
            };

        public IReadOnlyList<TimeSpan> Times => _times.ToArray();

        public TimeSpan Gap(int from, int to) => Times[to] - Times[from];
    }
}
