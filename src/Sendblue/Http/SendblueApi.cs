using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Sendblue.Errors;
using Sendblue.Serialization;

namespace Sendblue.Http
{
    /// <summary>
    /// The one way an operation reaches the API: every generated client method builds its URL and
    /// checks its input, then calls here. A request goes out through the pipeline (which turns every
    /// non-2xx answer into the exception of its status), and any 2xx answer is read as the
    /// operation's model. Whatever else goes wrong leaves as a <see cref="SendblueException"/>, or as
    /// the caller's own <see cref="OperationCanceledException"/>.
    /// </summary>
    internal sealed class SendblueApi
    {
        private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
        private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

        private readonly HttpClient _http;
        private readonly CredentialRedactor _redactor;

        public SendblueApi(HttpClient http, Uri baseUrl, CredentialRedactor redactor)
        {
            _http = http;
            _redactor = redactor;
            var text = baseUrl.ToString();
            BaseUrl = text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/";
        }

        /// <summary>The configured base URL, ending in a slash; operation paths are relative to it.</summary>
        public string BaseUrl { get; }

        /// <summary>Sends a request and reads the 2xx answer's body as <typeparamref name="T"/> with its generated converter.</summary>
        public async Task<T> SendAsync<T>(OperationContext operation, HttpMethod method, RequestUrl url, object? body, ModelJsonConverter<T> answer, SendblueRequestOptions? options, CancellationToken cancellationToken)
            where T : class
        {
            using var response = await SendCoreAsync(operation, method, url, body, options, cancellationToken).ConfigureAwait(false);
            var bytes = await BodyOf(response, operation).ConfigureAwait(false);
            var expected = typeof(T).Name;
            RefuseWhatIsNoJsonValue(response, bytes, expected, isList: false);
            try
            {
                return SendblueJson.Read(bytes, answer);
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidCastException || ex is OverflowException)
            {
                throw Unreadable(response, expected, ex);
            }
        }

        /// <summary>Sends a request and reads the 2xx answer's body as <typeparamref name="T"/>, a type without a generated converter (a list, a text), with the serializer.</summary>
        public async Task<T> SendForValueAsync<T>(OperationContext operation, HttpMethod method, RequestUrl url, object? body, SendblueRequestOptions? options, CancellationToken cancellationToken)
        {
            using var response = await SendCoreAsync(operation, method, url, body, options, cancellationToken).ConfigureAwait(false);
            var bytes = await BodyOf(response, operation).ConfigureAwait(false);
            var expected = Answer<T>.Name;
            RefuseWhatIsNoJsonValue(response, bytes, expected, Answer<T>.IsList);
            try
            {
                using var reader = SendblueJson.CreateReader(new StreamReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)));
                var value = SendblueJson.Serializer.Deserialize<T>(reader);
                return value ?? throw EmptyAnswer(response, expected, true);
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidCastException || ex is OverflowException)
            {
                throw Unreadable(response, expected, ex);
            }
        }

        /// <summary>Sends a request whose answer has no body the caller needs (a 2xx is all).</summary>
        public async Task SendAsync(OperationContext operation, HttpMethod method, RequestUrl url, object? body, SendblueRequestOptions? options, CancellationToken cancellationToken)
        {
            using var response = await SendCoreAsync(operation, method, url, body, options, cancellationToken).ConfigureAwait(false);
        }

        private async Task<HttpResponseMessage> SendCoreAsync(OperationContext operation, HttpMethod method, RequestUrl url, object? body, SendblueRequestOptions? options, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, new Uri(url.ToString(), UriKind.Absolute));
            operation.AttachTo(request);
            request.Headers.Accept.Add(AcceptJson);
            if (options != null)
            {
                OperationContext.AttachOptions(request, options);
                foreach (var header in options.Headers)
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            if (body != null)
            {
                // Buffered: a known Content-Length, and a body that can be sent again on a retry.
                var content = new StringContent(SendblueJson.Write(body), Encoding.UTF8);
                content.Headers.ContentType = JsonContentType;
                request.Content = content;
            }

            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (options != null)
            {
                options.RawResponse = new SendblueRawResponse((int)response.StatusCode, _redactor.Scrub(SendblueExceptionFactory.CollectHeaders(response)));
            }

            return response;
        }

        private async ValueTask<ArraySegment<byte>> BodyOf(HttpResponseMessage response, OperationContext operation)
        {
            // The pipeline buffers every body under the attempt's deadline (TimeoutHandler).
            if (response.Content is BufferedContent buffered)
            {
                return buffered.Bytes;
            }

            if (response.Content is null)
            {
                return new ArraySegment<byte>(Array.Empty<byte>());
            }

            try
            {
                return new ArraySegment<byte>(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                throw new SendblueConnectionException($"Could not read the Sendblue API's answer to {operation.Name}: {_redactor.Scrub(ex.Message)}", ex);
            }
        }

        /// <summary>What an answer without a generated converter is, worked out once per type: a list, or not.</summary>
        private static class Answer<T>
        {
            public static readonly bool IsList = typeof(T).IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(typeof(T));

            public static readonly string Name = IsList ? "list of " + typeof(T).GetGenericArguments()[0].Name : typeof(T).Name;
        }

        /// <summary>
        /// Before the reader: nothing (or <c>null</c>) where a value belongs, an HTML page, and for a
        /// list anything but an array, each said in a sentence of ours rather than the reader's.
        /// </summary>
        private void RefuseWhatIsNoJsonValue(HttpResponseMessage response, ArraySegment<byte> bytes, string expected, bool isList)
        {
            if (IsEmpty(bytes, out var isNull))
            {
                throw EmptyAnswer(response, expected, isNull);
            }

            var first = FirstSignificant(bytes);
            if (first == (byte)'<')
            {
                throw Unreadable(response, expected, new JsonReaderException("the body is an HTML page, not JSON (a proxy, a captive portal or a wrong BaseUrl answered)."));
            }

            // A comment may come first; the reader skips it.
            if (isList && first != (byte)'[' && first != (byte)'/')
            {
                throw Unreadable(response, expected, new JsonReaderException(first == (byte)'{' ? "the body is a JSON object, not a list." : "the body is not a JSON array."));
            }
        }

        /// <summary>No body, only white space, or a JSON <c>null</c>: nothing where a model belongs.</summary>
        private static bool IsEmpty(ArraySegment<byte> bytes, out bool isNull)
        {
            var start = bytes.Offset;
            var end = bytes.Offset + bytes.Count;
            var data = bytes.Array!;
            while (start < end && IsSpace(data[start]))
            {
                start++;
            }

            while (end > start && IsSpace(data[end - 1]))
            {
                end--;
            }

            isNull = end - start == 4 && data[start] == (byte)'n' && data[start + 1] == (byte)'u' && data[start + 2] == (byte)'l' && data[start + 3] == (byte)'l';
            return end == start || isNull;
        }

        /// <summary>The first byte that is not white space or a byte-order mark; 0 when there is none.</summary>
        private static byte FirstSignificant(ArraySegment<byte> bytes)
        {
            for (var i = bytes.Offset; i < bytes.Offset + bytes.Count; i++)
            {
                var b = bytes.Array![i];
                if (!IsSpace(b) && b != 0xEF && b != 0xBB && b != 0xBF)
                {
                    return b;
                }
            }

            return 0;
        }

        private static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';

        /// <summary>A 2xx without the model it should carry: the API answered, but with nothing to read.</summary>
        private SendblueApiException EmptyAnswer(HttpResponseMessage response, string expected, bool isNull)
        {
            var status = (int)response.StatusCode;
            return new SendblueApiException(
                $"The Sendblue API returned {status} with an empty answer{(isNull ? " (JSON null)" : string.Empty)} where a {expected} was expected.",
                status,
                errorMessage: null,
                responseBody: null,
                _redactor.Scrub(SendblueExceptionFactory.CollectHeaders(response)));
        }

        /// <summary>
        /// A value that could not be converted is quoted in the message, so a body echoing a
        /// credential into a typed field would put it in the message and, through the inner
        /// exception, in ToString(): both are scrubbed.
        /// </summary>
        private SendblueException Unreadable(HttpResponseMessage response, string expected, Exception cause)
        {
            var message = $"The Sendblue API returned {(int)response.StatusCode} with a body that is not a valid {expected}: {cause.Message}";
            if (!_redactor.Finds(message) && !_redactor.Finds(cause.ToString()))
            {
                return new SendblueException(message, cause);
            }

            return new SendblueException(_redactor.Scrub(message), new JsonException(_redactor.Scrub(cause.Message)));
        }
    }
}
