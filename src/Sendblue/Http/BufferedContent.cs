using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Http
{
    /// <summary>
    /// A response body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/> and given
    /// back when the response is disposed. Every response of the SDK is read whole under the
    /// attempt's deadline (<see cref="TimeoutHandler"/>); renting the buffer, sized by
    /// <c>Content-Length</c>, keeps a walk over many pages from allocating a page-sized array (on the
    /// large object heap) per page. The SDK disposes every response it reads, and never hands a
    /// response or its stream to the caller.
    /// </summary>
    internal sealed class BufferedContent : HttpContent
    {
        // Larger announced lengths are not trusted up front: the buffer grows as bytes arrive.
        private const int MaxPresize = 4 * 1024 * 1024;
        private const int DefaultSize = 4096;

        // Growing fourfold, not twofold: the arrays a body of the limit passes through add up to
        // 1.33 times the limit, not 2 (a body with no length that runs into the limit allocates
        // under 1.5x the limit in all, even with the pool cold), and a large body is copied fewer times.
        private const long GrowthFactor = 4;

        private byte[]? _buffer;
        private readonly int _length;

        private BufferedContent(byte[] buffer, int length)
        {
            _buffer = buffer;
            _length = length;
        }

        /// <summary>The body. Valid until the content is disposed.</summary>
        public ArraySegment<byte> Bytes => new(_buffer ?? throw new ObjectDisposedException(nameof(BufferedContent)), 0, _length);

        /// <summary>
        /// Reads <paramref name="original"/> to the end, but never more than
        /// <paramref name="maxBytes"/> bytes: a body announced or found to be larger ends the read
        /// with <see cref="ResponseTooLargeException"/> (an announced length before a byte is
        /// read; otherwise at the first byte past the limit, with the buffer at most the limit).
        /// Its headers are copied as they are when <paramref name="withHeaders"/>; without, the
        /// content has none: of a success response the SDK reads only the body, as UTF-8 JSON (error
        /// responses keep their headers: the exceptions carry them and the charset decodes the text).
        /// </summary>
        public static async Task<BufferedContent> ReadAsync(HttpContent original, bool withHeaders, long maxBytes, CancellationToken cancellationToken)
        {
            var announced = AnnouncedLength(original);
            if (announced > maxBytes)
            {
                throw new ResponseTooLargeException(announced);
            }

            // Room for one byte more than announced, so that the read which finds the end needs no
            // larger buffer; never more than the limit.
            var size = announced is long n && n >= 0 && n < MaxPresize ? (int)Math.Min(n + 1, maxBytes) : (int)Math.Min(DefaultSize, maxBytes);
            var buffer = ArrayPool<byte>.Shared.Rent(size);
            var length = 0;
            try
            {
#if NET5_0_OR_GREATER
                using (var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
#else
                using (var stream = await original.ReadAsStreamAsync().ConfigureAwait(false))
#endif
                {
                    while (true)
                    {
                        // A rented array may be longer than asked for; the limit caps what is used of it.
                        var capacity = (int)Math.Min(buffer.Length, maxBytes);
                        if (length == capacity)
                        {
                            if (length >= maxBytes)
                            {
                                if (await IsAtEndAsync(stream, cancellationToken).ConfigureAwait(false))
                                {
                                    break;
                                }

                                throw new ResponseTooLargeException(announced: null);
                            }

                            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(GrowthFactor * buffer.Length, maxBytes));
                            Buffer.BlockCopy(buffer, 0, larger, 0, length);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                            capacity = (int)Math.Min(buffer.Length, maxBytes);
                        }

#if NET5_0_OR_GREATER
                        var read = await stream.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken).ConfigureAwait(false);
#else
                        var read = await stream.ReadAsync(buffer, length, capacity - length, cancellationToken).ConfigureAwait(false);
#endif
                        if (read == 0)
                        {
                            break;
                        }

                        length += read;
                    }
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }

            var content = new BufferedContent(buffer, length);
            if (!withHeaders)
            {
                return content;
            }

#if NET6_0_OR_GREATER
            // As received: enumerating the validated view would parse every value for nothing.
            foreach (var header in original.Headers.NonValidated)
#else
            foreach (var header in original.Headers)
#endif
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return content;
        }

        // A body exactly as long as the limit fills the buffer; only a body that goes on is too large.
        // Rare (a body of exactly the limit, or one past it), so the one-byte probe costs nothing.
        private static async Task<bool> IsAtEndAsync(Stream stream, CancellationToken cancellationToken)
        {
            return await stream.ReadAsync(new byte[1], 0, 1, cancellationToken).ConfigureAwait(false) == 0;
        }

        // Only a size hint: the raw value, without parsing (and locking) the validated header store.
        private static long? AnnouncedLength(HttpContent content)
        {
#if NET6_0_OR_GREATER
            if (content.Headers.NonValidated.TryGetValues("Content-Length", out var values)
                && values.Count == 1
                && long.TryParse(values.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
            {
                return length;
            }

            return null;
#else
            return content.Headers.ContentLength;
#endif
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var bytes = Bytes;
            return stream.WriteAsync(bytes.Array!, bytes.Offset, bytes.Count);
        }

        protected override Task<Stream> CreateContentReadStreamAsync()
        {
            var bytes = Bytes;
            return Task.FromResult<Stream>(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false, publiclyVisible: true));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                var buffer = Interlocked.Exchange(ref _buffer, null);
                if (buffer != null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            base.Dispose(disposing);
        }
    }
}
