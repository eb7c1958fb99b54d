using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Resilience
{
    /// <summary>What the resilience tests share: clients for a hostile server, bodies, bombs, the soak scale.</summary>
    internal static class Hostile
    {
        public const string Handle = "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55";

        public static SendblueClientOptions Options(Uri baseUrl, int maxRetries = 2, TimeSpan? timeout = null, long? maxResponseBytes = null)
        {
            var options = Loopback.Options(baseUrl, maxRetries, timeout);
            if (maxResponseBytes is long limit)
            {
                options.MaxResponseBytes = limit;
            }

            return options;
        }

        public static SendblueClient Client(HostileServer server, int maxRetries = 2, TimeSpan? timeout = null, long? maxResponseBytes = null) =>
            new(Options(server.BaseUrl, maxRetries, timeout, maxResponseBytes));

        /// <summary>
        /// A message response of exactly <paramref name="length"/> bytes: the content field is
        /// padded so that the whole body is that long (and valid JSON).
        /// </summary>
        public static byte[] MessageResponseOfLength(int length)
        {
            var prefix = $"{{\"message_handle\":\"{Handle}\",\"status\":\"QUEUED\",\"content\":\"";
            const string suffix = "\"}";
            var padding = length - prefix.Length - suffix.Length;
            if (padding < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            return Encoding.ASCII.GetBytes(prefix + new string('x', padding) + suffix);
        }

        /// <summary>
        /// The number of times a test that scales (Category Soak) repeats its work: 1 unless
        /// SENDBLUE_SOAK_SCALE says more, for a longer local run.
        /// </summary>
        public static int SoakScale =>
            int.TryParse(Environment.GetEnvironmentVariable("SENDBLUE_SOAK_SCALE"), out var scale) && scale > 1 ? scale : 1;
    }

    /// <summary>
    /// Compressed bodies that never end: a header and a first block of zeros, then a segment that
    /// decodes to 1 MiB more zeros and can be repeated forever (after a sync flush a deflate
    /// block refers only to the window, which holds nothing but zeros). A few hundred bytes on the
    /// wire per MiB a client inflates; a server sends segments until the client stops reading.
    /// </summary>
    internal sealed class Bomb
    {
        public const int MiB = 1024 * 1024;

        private Bomb(string encoding, byte[] prefix, byte[] segment)
        {
            Encoding = encoding;
            Prefix = prefix;
            Segment = segment;
        }

        public static Bomb Gzip { get; } = Create("gzip", s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));

        public static Bomb Deflate { get; } = Create("deflate", s => new ZLibStream(s, CompressionLevel.Optimal, leaveOpen: true));

        /// <summary>The Content-Encoding value.</summary>
        public string Encoding { get; }

        public byte[] Prefix { get; }

        /// <summary>Decodes to <see cref="MiB"/> zeros.</summary>
        public byte[] Segment { get; }

        public override string ToString() => Encoding;

        /// <summary>Writes the bomb as a chunked body: up to <paramref name="mebibytes"/> MiB of zeros once inflated, never the end.</summary>
        public async Task WriteChunkedAsync(HostileExchange exchange, int mebibytes)
        {
            await exchange.WriteChunkAsync(Prefix).ConfigureAwait(false);
            for (var i = 0; i < mebibytes && !exchange.Stopping.IsCancellationRequested; i++)
            {
                await exchange.WriteChunkAsync(Segment).ConfigureAwait(false);
            }
        }

        private static Bomb Create(string encoding, Func<Stream, Stream> compressor)
        {
            var zeros = new byte[MiB];
            using var output = new MemoryStream();
            using var compressing = compressor(output);
            compressing.Write(zeros);
            compressing.Flush();
            var prefix = output.ToArray();
            compressing.Write(zeros);
            compressing.Flush();
            var segment = output.ToArray().AsSpan(prefix.Length).ToArray();
            return new Bomb(encoding, prefix, segment);
        }
    }
}
