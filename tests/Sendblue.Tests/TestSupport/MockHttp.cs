using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Moq;
using Moq.Protected;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>A request captured by <see cref="MockHttp"/>, with its body read while it was alive.</summary>
    public sealed record CapturedRequest(
        HttpMethod Method,
        Uri Uri,
        IReadOnlyDictionary<string, string> Headers,
        string? ContentType,
        long? ContentLength,
        string? Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>
    /// A Moq-mocked <see cref="HttpMessageHandler"/> behind an <see cref="HttpClient"/>, the way a
    /// user would isolate the SDK from the network: it answers with canned responses and records
    /// exactly what the SDK put on the wire.
    /// </summary>
    public sealed class MockHttp
    {
        public const string Key = "test-key-id";
        public const string Secret = "test-secret-do-not-print";
        public static readonly Uri BaseUrl = new("https://api.sendblue.test");

        private readonly List<CapturedRequest> _requests = new();

        public MockHttp(Func<CapturedRequest, HttpResponseMessage> respond)
        {
            Handler = new Mock<HttpMessageHandler>(MockBehavior.Strict);
            Handler.Protected()
                .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
                .Returns(async (HttpRequestMessage request, CancellationToken _) =>
                {
                    var captured = new CapturedRequest(
                        request.Method,
                        request.RequestUri!,
                        request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
                        request.Content?.Headers.ContentType?.ToString(),
                        request.Content?.Headers.ContentLength,
                        request.Content is null ? null : await request.Content.ReadAsStringAsync());
                    lock (_requests)
                    {
                        _requests.Add(captured);
                    }

                    var response = respond(captured);
                    response.RequestMessage = request;
                    return response;
                });
        }

        public Mock<HttpMessageHandler> Handler { get; }

        public IReadOnlyList<CapturedRequest> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        public CapturedRequest Single => Requests.Single();

        public static MockHttp Returning(string json, HttpStatusCode status = HttpStatusCode.OK) =>
            new(_ => Json(json, status));

        public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
            new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

        public static SendblueClientOptions Options(Uri? baseUrl = null) => new()
        {
            ApiKey = Key,
            ApiSecret = Secret,
            BaseUrl = baseUrl ?? BaseUrl,
        };

        public SendblueClient CreateClient(SendblueClientOptions? options = null) =>
            new(options ?? Options(), new HttpClient(Handler.Object));
    }
}
