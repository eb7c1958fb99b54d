using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sendblue.Http;

namespace Sendblue.Errors
{
    /// <summary>Chooses the exception for an error response by one status-code switch.</summary>
    internal static class SendblueExceptionFactory
    {
        private const int MaxBodyInMessage = 300;

        public static SendblueApiException Create(
            int statusCode,
            string? reasonPhrase,
            string? body,
            IReadOnlyDictionary<string, IEnumerable<string>> headers,
            TimeSpan? retryAfter)
        {
            var errorMessage = ReadErrorMessage(body);
            var message = FormatMessage(statusCode, reasonPhrase, errorMessage, body);
            switch (statusCode)
            {
                case 400: return new SendblueBadRequestException(message, statusCode, errorMessage, body, headers);
                case 401: return new SendblueAuthenticationException(message, statusCode, errorMessage, body, headers);
                case 403: return new SendbluePermissionDeniedException(message, statusCode, errorMessage, body, headers);
                case 404: return new SendblueNotFoundException(message, statusCode, errorMessage, body, headers);
                case 409: return new SendblueConflictException(message, statusCode, errorMessage, body, headers);
                case 422: return new SendblueUnprocessableEntityException(message, statusCode, errorMessage, body, headers);
                case 429: return new SendblueRateLimitException(message, statusCode, errorMessage, body, headers, retryAfter);
                default:
                    return statusCode >= 500
                        ? new SendblueServerException(message, statusCode, errorMessage, body, headers)
                        : new SendblueApiException(message, statusCode, errorMessage, body, headers);
            }
        }

        /// <summary>
        /// The server's own words: the API puts them in <c>error_message</c>, <c>message</c> or
        /// <c>error</c> depending on the endpoint, so the first string among those wins.
        /// </summary>
        internal static string? ReadErrorMessage(string? body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            try
            {
                using var reader = new JsonTextReader(new StringReader(body!)) { DateParseHandling = DateParseHandling.None };
                if (JToken.ReadFrom(reader) is not JObject json)
                {
                    return null;
                }

                foreach (var name in new[] { "error_message", "message", "error" })
                {
                    if (json[name] is JValue { Type: JTokenType.String } value && !string.IsNullOrWhiteSpace((string?)value))
                    {
                        return (string?)value;
                    }
                }

                return null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string FormatMessage(int statusCode, string? reasonPhrase, string? errorMessage, string? body)
        {
            var reason = string.IsNullOrWhiteSpace(reasonPhrase) ? DefaultReason(statusCode) : reasonPhrase;
            var head = $"Sendblue API returned {statusCode} {reason}".TrimEnd();
            if (errorMessage != null)
            {
                return head + ": " + errorMessage;
            }

            if (string.IsNullOrWhiteSpace(body))
            {
                return head + " with an empty body.";
            }

            var text = body!.Trim();
            if (text.Length > MaxBodyInMessage)
            {
                text = text.Substring(0, MaxBodyInMessage) + "...";
            }

            return head + ": " + text;
        }

        private static string DefaultReason(int statusCode)
        {
            // netstandard2.0 has no ReasonPhrases table; the enum names read well enough.
            var name = ((HttpStatusCode)statusCode).ToString();
            if (int.TryParse(name, out _))
            {
                return string.Empty;
            }

            var words = new System.Text.StringBuilder();
            foreach (var c in name)
            {
                if (char.IsUpper(c) && words.Length > 0)
                {
                    words.Append(' ');
                }

                words.Append(c);
            }

            return words.ToString();
        }

        internal static IReadOnlyDictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers)
            {
                headers[header.Key] = header.Value;
            }

            if (response.Content != null)
            {
                foreach (var header in response.Content.Headers)
                {
                    headers[header.Key] = header.Value;
                }
            }

            return headers;
        }

        internal static TimeSpan? RetryAfterOf(HttpResponseMessage response) => RetryAfter.Parse(response, DateTimeOffset.UtcNow);
    }
}
