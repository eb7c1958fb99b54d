using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sendblue.Serialization;

namespace Sendblue
{
    /// <summary>
    /// Reads the bodies Sendblue POSTs to a status callback or a receive webhook, and checks their
    /// <c>sb-signing-secret</c> header.
    /// </summary>
    public static class SendblueWebhook
    {
        /// <summary>The header Sendblue sets to the webhook secret, when one is configured.</summary>
        public const string SigningSecretHeader = "sb-signing-secret";

        private static readonly string[] MessageFields =
        {
            "account_email", "accountEmail", "content", "date_created", "date_sent", "date_updated", "from_number",
            "is_outbound", "media_url", "message_handle", "send_style", "status", "to_number",
        };

        /// <summary>
        /// Parses a webhook body into a <see cref="MessageContent"/>. Either spelling of the account
        /// field is read, <c>null</c>s and <c>""</c> enum values are fine, and fields the model does
        /// not declare are kept in <see cref="MessageContent.AdditionalProperties"/>.
        /// </summary>
        /// <param name="json">The request body as text.</param>
        /// <returns>The message.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
        /// <exception cref="SendblueException">The body is not a JSON object with the fields of a Sendblue message.</exception>
        public static MessageContent Parse(string json)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            // A body decoded with Encoding.UTF8.GetString keeps a byte-order mark; it is not content.
            if (json.Length > 0 && json[0] == '\uFEFF')
            {
                json = json.Substring(1);
            }

            JToken token;
            try
            {
                using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
                token = JToken.ReadFrom(reader);
                if (reader.Read())
                {
                    throw new JsonReaderException($"Unexpected content after the JSON value at '{reader.Path}'.");
                }
            }
            catch (JsonException ex)
            {
                throw new SendblueException($"The webhook body is not valid JSON: {ex.Message}", ex);
            }

            if (token is not JObject body)
            {
                throw new SendblueException($"The webhook body is a JSON {token.Type.ToString().ToLowerInvariant()}, not a Sendblue message object.");
            }

            var known = false;
            foreach (var field in MessageFields)
            {
                if (body.ContainsKey(field))
                {
                    known = true;
                    break;
                }
            }

            if (!known)
            {
                throw new SendblueException("The webhook body is a JSON object with none of the fields of a Sendblue message (message_handle, status, content, ...).");
            }

            try
            {
                return SendblueJson.FromToken<MessageContent>(body)
                    ?? throw new SendblueException("The webhook body could not be read as a Sendblue message.");
            }
            catch (JsonException ex)
            {
                throw new SendblueException($"The webhook body is not a valid Sendblue message: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException)
            {
                throw new SendblueException($"The webhook body is not a valid Sendblue message: {ex.Message}", ex);
            }
        }

        /// <summary>
        /// Whether the <c>sb-signing-secret</c> header of a webhook request carries the secret you
        /// configured, compared in constant time.
        /// </summary>
        /// <param name="signingSecretHeader">The header's value; null or missing is never authentic.</param>
        /// <param name="expectedSecret">The secret configured for the webhook.</param>
        /// <returns>True only when the two are equal.</returns>
        /// <exception cref="ArgumentException"><paramref name="expectedSecret"/> is null, empty or blank: a check against nothing would pass anything.</exception>
        public static bool IsAuthentic(string? signingSecretHeader, string expectedSecret)
        {
            if (string.IsNullOrWhiteSpace(expectedSecret))
            {
                throw new ArgumentException("The expected webhook secret is empty; configure the secret you set in the Sendblue dashboard.", nameof(expectedSecret));
            }

            if (signingSecretHeader is null)
            {
                return false;
            }

            // Hashing first makes both sides the same length, so neither the content nor the
            // length of the secret shows in the time the comparison takes.
            using var sha = SHA256.Create();
            var actual = sha.ComputeHash(Encoding.UTF8.GetBytes(signingSecretHeader));
            var expected = sha.ComputeHash(Encoding.UTF8.GetBytes(expectedSecret));
            var difference = 0;
            for (var i = 0; i < expected.Length; i++)
            {
                difference |= actual[i] ^ expected[i];
            }

            return difference == 0;
        }
    }
}
