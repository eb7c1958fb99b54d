using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Sendblue.Benchmarks.Baseline
{
    /// <summary>
    /// The floor the SDK is measured against: what a careful user writes by hand with HttpClient and
    /// Newtonsoft. One serializer, the credentials as default headers, bodies read from the stream.
    /// No retries, no timeout per attempt, no error mapping, no tolerant reading.
    /// </summary>
    public sealed class BaselineClient
    {
        private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore };
        private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        private readonly HttpClient _http;
        private readonly string _baseUrl;

        public BaselineClient(HttpClient http, Uri baseUrl, string key, string secret)
        {
            _http = http;
            _baseUrl = baseUrl.ToString().TrimEnd('/');
            _http.DefaultRequestHeaders.Add("sb-api-key-id", key);
            _http.DefaultRequestHeaders.Add("sb-api-secret-key", secret);
        }

        public async Task<PlainMessageResponse> SendAsync(PlainSendRequest request, CancellationToken cancellationToken = default)
        {
            var json = JsonConvert.SerializeObject(request, Settings);
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(_baseUrl + "/api/send-message", content, cancellationToken).ConfigureAwait(false);
            return await ReadAsync<PlainMessageResponse>(response, cancellationToken).ConfigureAwait(false);
        }

        public async Task<PlainMessageResponse> GetStatusAsync(string handle, CancellationToken cancellationToken = default)
        {
            using var response = await _http.GetAsync(_baseUrl + "/api/status?handle=" + Uri.EscapeDataString(handle), cancellationToken).ConfigureAwait(false);
            return await ReadAsync<PlainMessageResponse>(response, cancellationToken).ConfigureAwait(false);
        }

        public async Task<PlainMessageRetrieve> GetAsync(string messageId, CancellationToken cancellationToken = default)
        {
            using var response = await _http.GetAsync(_baseUrl + "/api/v2/messages/" + Uri.EscapeDataString(messageId), cancellationToken).ConfigureAwait(false);
            return await ReadAsync<PlainMessageRetrieve>(response, cancellationToken).ConfigureAwait(false);
        }

        public async Task<PlainMessageList> ListAsync(int limit, int offset, CancellationToken cancellationToken = default)
        {
            using var response = await _http.GetAsync($"{_baseUrl}/api/v2/messages?limit={limit}&offset={offset}", cancellationToken).ConfigureAwait(false);
            return await ReadAsync<PlainMessageList>(response, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Every message once, page after page, like the SDK's walk (the same stop rule and de-duplication).</summary>
        public async IAsyncEnumerable<PlainMessage> ListAllAsync(int limit = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var offset = 0;
            while (true)
            {
                var page = await ListAsync(limit, offset, cancellationToken).ConfigureAwait(false);
                var count = page.Data?.Count ?? 0;
                if (page.Data is not null)
                {
                    foreach (var message in page.Data)
                    {
                        if (message.MessageHandle is string handle && !seen.Add(handle))
                        {
                            continue;
                        }

                        yield return message;
                    }
                }

                if (count == 0 || page.Pagination?.HasMore != true)
                {
                    yield break;
                }

                offset += count;
            }
        }

        public static PlainMessageContent ParseWebhook(string json) =>
            JsonConvert.DeserializeObject<PlainMessageContent>(json, Settings)
            ?? throw new InvalidDataException("not a message");

        private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            return Serializer.Deserialize<T>(reader) ?? throw new InvalidDataException("empty body");
        }
    }
}
