using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
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

        /// <summary>
        /// Parses a webhook body into a <see cref="MessageContent"/>. Either spelling of the account
        /// field is read, <c>null</c>s and <c>""</c> enum values are fine, and fields the model does
        /// not declare are kept in <see cref="MessageContent.AdditionalProperties"/>.
        /// </summary>
        /// <param name="json">The request body as text.</param>
        /// <returns>The message.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
        /// <exception cref="SendblueException">
        /// The body is not one JSON object, a field has a value of the wrong kind, or it has none of
        /// the fields of a Sendblue message (those of <see cref="MessageContent"/>, from the spec).
        /// </exception>
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

            int declared;
            var message = new MessageContent();
            try
            {
                using var reader = SendblueJson.CreateReader(new StringReader(json));
                if (!JsonRead.MoveToValue(reader))
                {
                    throw new SendblueException("The webhook body is not valid JSON: it is empty (a Sendblue message is a JSON object).");
                }

                if (reader.TokenType != JsonToken.StartObject)
                {
                    throw new SendblueException($"The webhook body is a JSON {Describe(reader.TokenType)}, not a Sendblue message object.");
                }

                declared = MessageContentJsonConverter.Instance.ReadFields(reader, SendblueJson.Serializer, message);
                if (JsonRead.MoveToValue(reader))
                {
                    throw new SendblueException($"The webhook body is not valid JSON: more follows the message object ({reader.TokenType} at '{reader.Path}').");
                }
            }
            catch (JsonReaderException ex) when (!IsWellFormed(json))
            {
                throw new SendblueException($"The webhook body is not valid JSON: {ex.Message}", ex);
            }
            catch (JsonException ex)
            {
                throw new SendblueException($"The webhook body is not a valid Sendblue message: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
            {
                throw new SendblueException($"The webhook body is not a valid Sendblue message: {ex.Message}", ex);
            }

            if (declared == 0)
            {
                throw new SendblueException("The webhook body is a JSON object with none of the fields of a Sendblue message (message_handle, status, content, ...).");
            }

            return message;
        }

        /// <summary>
        /// Whether the text is one well-formed JSON value. Newtonsoft reports a value of the wrong
        /// kind (<c>"maybe"</c> for a boolean) with the same exception type as broken syntax; this
        /// tells the two apart, on the error path only.
        /// </summary>
        private static bool IsWellFormed(string json)
        {
            try
            {
                using var reader = SendblueJson.CreateReader(new StringReader(json));
                var values = 0;
                while (reader.Read())
                {
                    if (reader.Depth == 0 && reader.TokenType != JsonToken.Comment)
                    {
                        values++;
                    }
                }

                // Newtonsoft stops without a word at the end of a truncated text: it is whole only
                // when the last token closed the value it opened.
                return values > 0 && reader.Depth == 0 && reader.TokenType != JsonToken.StartObject && reader.TokenType != JsonToken.StartArray && reader.TokenType != JsonToken.PropertyName;
            }
            catch (JsonReaderException)
            {
                return false;
            }
        }

        private static string Describe(JsonToken token) => token switch
        {
            JsonToken.StartArray => "array",
            JsonToken.String => "string",
            JsonToken.Integer => "integer",
            JsonToken.Float => "float",
            JsonToken.Boolean => "boolean",
            JsonToken.Null => "null",
            _ => token.ToString().ToLowerInvariant(),
        };

        /// <summary>
        /// Whether the <c>sb-signing-secret</c> header of a webhook request carries the secret you
        /// configured, compared in constant time.
        /// </summary>
        /// <param name="signingSecretHeader">The header's value; null or missing is never authentic.</param>
        /// <param name="expectedSecret">The secret configured for the webhook; white space around it (a trailing newline from a file) is not part of it.</param>
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

            // White space around the configured secret is not part of it: a secret read from a file or
            // a Kubernetes secret often ends in a newline. The header is compared as sent.
            // Hashing first makes both sides the same length, so neither the content nor the
            // length of the secret shows in the time the comparison takes.
            using var sha = SHA256.Create();
            var actual = sha.ComputeHash(Encoding.UTF8.GetBytes(signingSecretHeader));
            var expected = sha.ComputeHash(Encoding.UTF8.GetBytes(expectedSecret.Trim()));
            var difference = 0;
            for (var i = 0; i < expected.Length; i++)
            {
                difference |= actual[i] ^ expected[i];
            }

            return difference == 0;
        }
    }
}
