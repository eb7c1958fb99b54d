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

            // Most bodies are a plain message: read straight into the model. Anything the fast path
            // does not take (or an object it cannot vouch for) goes the checked way below.
            if (TryReadDirectly(json, out var message))
            {
                return message;
            }

            return ParseChecked(json);
        }

        /// <summary>
        /// The model read straight from the text, when that certainly gives what <see cref="ParseChecked"/>
        /// gives: one JSON object, read whole by the fast path, nothing after it, and at least one
        /// message field with a value (which the field check below would also have found).
        /// </summary>
        private static bool TryReadDirectly(string json, out MessageContent message)
        {
            message = null!;
            try
            {
                using var reader = SendblueJson.CreateReader(new StringReader(json));
                if (!SendblueJson.TryReadModel(reader, out MessageContent? read) || read is null || reader.Read())
                {
                    return false;
                }

                if (read.MessageHandle is null && read.Status is null && read.Content is null && read.AccountEmail is null
                    && read.DateCreated is null && read.DateSent is null && read.DateUpdated is null && read.FromNumber is null
                    && read.IsOutbound is null && read.MediaUrl is null && read.SendStyle is null && read.ToNumber is null)
                {
                    return false;
                }

                message = read;
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        /// <summary>Parse the careful way: a JSON tree first, then its shape checked, then the model.</summary>
        internal static MessageContent ParseChecked(string json)
        {
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

            // Names match as the model matches them: ignoring case.
            var known = false;
            foreach (var property in body.Properties())
            {
                if (Array.Exists(MessageFields, field => string.Equals(field, property.Name, StringComparison.OrdinalIgnoreCase)))
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
                // The model is read from the text, as a response body is (a tree would turn 1e3 into "1000"),
                // by the serializer: the fast path already declined or was not sure of this body.
                using var reader = SendblueJson.CreateReader(new StringReader(json));
                return SendblueJson.Serializer.Deserialize<MessageContent>(reader)
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
