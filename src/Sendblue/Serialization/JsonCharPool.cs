using System.Buffers;
using Newtonsoft.Json;

namespace Sendblue.Serialization
{
    /// <summary>Lets a <see cref="JsonTextReader"/> rent its character buffers instead of allocating them per body.</summary>
    internal sealed class JsonCharPool : IArrayPool<char>
    {
        public static readonly JsonCharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array != null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
