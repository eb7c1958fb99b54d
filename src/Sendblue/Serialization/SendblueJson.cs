using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Sendblue.Http;

namespace Sendblue.Serialization
{
    /// <summary>The JSON settings every model of the SDK is read and written with, and the one place bodies are read.</summary>
    internal static class SendblueJson
    {
        public static readonly JsonSerializerSettings Settings = Configure(new JsonSerializerSettings());

        public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

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

        /// <summary>Reads a response body as <typeparamref name="T"/> with <see cref="Serializer"/>.</summary>
        public static ValueTask<T?> ReadAsync<T>(HttpContent content, CancellationToken cancellationToken) =>
            content is BufferedContent buffered
                ? new ValueTask<T?>(Deserialize<T>(buffered.Bytes))
                : new ValueTask<T?>(ReadStreamAsync<T>(content, cancellationToken));

        // Not expected (every response of the pipeline is buffered), but read as NSwag would.
        private static async Task<T?> ReadStreamAsync<T>(HttpContent content, CancellationToken cancellationToken)
        {
#if NET5_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var reader = new JsonTextReader(new StreamReader(stream));
            return Serializer.Deserialize<T>(reader);
        }

        /// <summary>
        /// Reads UTF-8 JSON as <typeparamref name="T"/>, decoding it in one pass into a rented buffer
        /// (what a StreamReader would produce: a UTF-8 byte-order mark is skipped, invalid bytes become
        /// U+FFFD; a UTF-16 or UTF-32 byte-order mark is left to a StreamReader to honour).
        /// </summary>
        public static T? Deserialize<T>(ArraySegment<byte> utf8)
        {
            var bytes = utf8.Array!;
            var offset = utf8.Offset;
            var count = utf8.Count;
            if (count >= 2 && ((bytes[offset] == 0xFE && bytes[offset + 1] == 0xFF) || (bytes[offset] == 0xFF && bytes[offset + 1] == 0xFE)
                || (count >= 4 && bytes[offset] == 0 && bytes[offset + 1] == 0 && bytes[offset + 2] == 0xFE && bytes[offset + 3] == 0xFF)))
            {
                using var stream = new MemoryStream(bytes, offset, count, writable: false);
                using var streamReader = new JsonTextReader(new StreamReader(stream));
                return Serializer.Deserialize<T>(streamReader);
            }

            if (count >= 3 && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF)
            {
                offset += 3;
                count -= 3;
            }

            var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Utf8.GetMaxCharCount(count)));
            try
            {
                var length = Utf8.GetChars(bytes, offset, count, chars, 0);
                if (ModelReader.Handles<T>())
                {
                    using var fast = CreateReader(new CharArrayReader(chars, length));
                    if (TryReadModel(fast, out T? model))
                    {
                        return model;
                    }
                }

                // Off the fast path (or a type it does not prepare): the serializer reads the text again.
                using var reader = CreateReader(new CharArrayReader(chars, length));
                return Serializer.Deserialize<T>(reader);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        // T is one of the models ModelReader prepares (classes); the cast only satisfies the compiler.
        internal static bool TryReadModel<T>(JsonReader reader, out T? model)
        {
            model = default;
            if (!ModelReader.TryRead(reader, Serializer, out object? value, typeof(T)))
            {
                return false;
            }

            model = (T?)value;
            return true;
        }

        /// <summary>A reader configured as <see cref="Serializer"/> configures the readers it is given.</summary>
        internal static JsonTextReader CreateReader(TextReader text) => new(text)
        {
            ArrayPool = JsonCharPool.Instance,
            PropertyNameTable = ModelReader.Names,
            DateParseHandling = DateParseHandling.None,
            MaxDepth = 64,
        };
    }
}
