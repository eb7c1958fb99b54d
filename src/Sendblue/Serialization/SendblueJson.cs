using System;
using System.Buffers;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace Sendblue.Serialization
{
    /// <summary>The JSON settings every model of the SDK is read and written with, and the one place bodies are read.</summary>
    internal static class SendblueJson
    {
        public static readonly JsonSerializerSettings Settings = Configure(new JsonSerializerSettings());

        public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static JsonSerializerSettings Configure(JsonSerializerSettings settings)
        {
            // Typed date properties still parse; unknown fields keep their text instead of
            // becoming DateTime values in the local time zone.
            settings.DateParseHandling = DateParseHandling.None;
            settings.MissingMemberHandling = MissingMemberHandling.Ignore;
            settings.NullValueHandling = NullValueHandling.Ignore;
            settings.MaxDepth = 64;
            return settings;
        }

        /// <summary>
        /// Reads a UTF-8 JSON body with a model's generated converter, decoding it in one pass into a
        /// rented buffer: a UTF-8 byte-order mark is skipped, invalid UTF-8 is refused (JSON is UTF-8),
        /// a UTF-16 or UTF-32 byte-order mark is honoured.
        /// </summary>
        public static T Read<T>(ArraySegment<byte> utf8, ModelJsonConverter<T> model)
            where T : class
        {
            var bytes = utf8.Array!;
            var offset = utf8.Offset;
            var count = utf8.Count;
            if (count >= 2 && ((bytes[offset] == 0xFE && bytes[offset + 1] == 0xFF) || (bytes[offset] == 0xFF && bytes[offset + 1] == 0xFE)
                || (count >= 4 && bytes[offset] == 0 && bytes[offset + 1] == 0 && bytes[offset + 2] == 0xFE && bytes[offset + 3] == 0xFF)))
            {
                using var stream = new MemoryStream(bytes, offset, count, writable: false);
                using var streamReader = CreateReader(new StreamReader(stream));
                return model.ReadBody(streamReader, Serializer);
            }

            if (count >= 3 && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF)
            {
                offset += 3;
                count -= 3;
            }

            var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Utf8.GetMaxCharCount(count)));
            try
            {
                int length;
                try
                {
                    length = Utf8.GetChars(bytes, offset, count, chars, 0);
                }
                catch (DecoderFallbackException ex)
                {
                    // JSON is UTF-8 (RFC 8259); a body that is not cannot be read without guessing.
                    throw new JsonReaderException($"The body is not valid UTF-8 (byte {ex.Index} of {count}); JSON must be UTF-8.", ex);
                }

                using var reader = CreateReader(new CharArrayReader(chars, length));
                return model.ReadBody(reader, Serializer);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        /// <summary>A request body as JSON text, written by the model's generated converter.</summary>
        public static string Write(object body)
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text) { ArrayPool = JsonCharPool.Instance })
            {
                Serializer.Serialize(writer, body);
            }

            return text.ToString();
        }

        /// <summary>A reader configured as <see cref="Serializer"/> configures the readers it is given.</summary>
        internal static JsonTextReader CreateReader(TextReader text) => new(text)
        {
            ArrayPool = JsonCharPool.Instance,
            PropertyNameTable = FieldNameTable.Shared,
            DateParseHandling = DateParseHandling.None,
            MaxDepth = 64,
        };
    }
}
