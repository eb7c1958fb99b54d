using System;
using System.IO;

namespace Sendblue.Serialization
{
    /// <summary>A <see cref="TextReader"/> over characters already decoded into an array (rented by the caller).</summary>
    internal sealed class CharArrayReader : TextReader
    {
        private readonly char[] _chars;
        private readonly int _length;
        private int _position;

        public CharArrayReader(char[] chars, int length)
        {
            _chars = chars;
            _length = length;
        }

        public override int Peek() => _position < _length ? _chars[_position] : -1;

        public override int Read() => _position < _length ? _chars[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(count, _length - _position);
            if (n <= 0)
            {
                return 0;
            }

            Array.Copy(_chars, _position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
