using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>
    /// Reads HTTP/1.1 requests off one connection for the tests' raw-socket servers
    /// (<see cref="LoopbackServer"/>, Resilience/HostileServer): CRLF lines, then the body by
    /// <c>Content-Length</c>, without losing a byte between them.
    /// </summary>
    internal sealed class HttpRequestReader
    {
        private readonly Stream _stream;
        private readonly CancellationToken _stop;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public HttpRequestReader(Stream stream, CancellationToken stop = default)
        {
            _stream = stream;
            _stop = stop;
        }

        /// <summary>The next request; null when the connection ends before one.</summary>
        public async Task<RecordedRequest?> ReadAsync()
        {
            var requestLine = await ReadLineAsync().ConfigureAwait(false);
            if (string.IsNullOrEmpty(requestLine))
            {
                return null;
            }

            var parts = requestLine.Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                var line = await ReadLineAsync().ConfigureAwait(false);
                if (string.IsNullOrEmpty(line))
                {
                    break;
                }

                var colon = line.IndexOf(':');
                var name = line.Substring(0, colon).Trim();
                var value = line.Substring(colon + 1).Trim();
                headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
            }

            var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text) : 0;
            var body = length > 0 ? Encoding.UTF8.GetString(await ReadBytesAsync(length).ConfigureAwait(false)) : string.Empty;
            return new RecordedRequest(parts[0], parts[1], headers, body);
        }

        private async Task<string?> ReadLineAsync()
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    return line.Length == 0 ? null : Encoding.ASCII.GetString(line.ToArray());
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    var bytes = line.ToArray();
                    var count = bytes.Length > 0 && bytes[^1] == '\r' ? bytes.Length - 1 : bytes.Length;
                    return Encoding.ASCII.GetString(bytes, 0, count);
                }

                line.WriteByte(b);
            }
        }

        private async Task<byte[]> ReadBytesAsync(int count)
        {
            var result = new byte[count];
            var read = 0;
            while (read < count)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    throw new EndOfStreamException();
                }

                var n = Math.Min(count - read, _end - _start);
                Array.Copy(_buffer, _start, result, read, n);
                _start += n;
                read += n;
            }

            return result;
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer, _stop).ConfigureAwait(false);
            return _end > 0;
        }
    }
}
