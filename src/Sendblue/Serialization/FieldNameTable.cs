using System;
using System.Threading;
using Newtonsoft.Json;

namespace Sendblue.Serialization
{
    /// <summary>
    /// The property names the readers have seen, so that a page of a hundred messages does not
    /// allocate its two dozen field names a hundred times over. It learns names as they arrive
    /// (no list of names to keep in step with the spec) and stays bounded: short names only, and
    /// at most <see cref="Capacity"/> of them, after which a new name is simply allocated. Readers on
    /// many threads share it: lookups read an immutable table; a new name publishes a new table.
    /// </summary>
    internal sealed class FieldNameTable : JsonNameTable
    {
        public const int Capacity = 1024;
        private const int MaxNameLength = 64;
        private const int Buckets = 2048;

        public static readonly FieldNameTable Shared = new();

        private readonly object _gate = new();
        private string?[] _table = new string?[Buckets];
        private int _count;

        public override string? Get(char[] key, int start, int length)
        {
            if (length == 0)
            {
                return string.Empty;
            }

            if (length > MaxNameLength)
            {
                return null;
            }

            var hash = Hash(key, start, length);
            var table = Volatile.Read(ref _table);
            for (var i = hash & (Buckets - 1); ; i = (i + 1) & (Buckets - 1))
            {
                var name = table[i];
                if (name is null)
                {
                    return Add(key, start, length, hash);
                }

                if (Matches(name, key, start, length))
                {
                    return name;
                }
            }
        }

        private string Add(char[] key, int start, int length, int hash)
        {
            var name = new string(key, start, length);
            lock (_gate)
            {
                if (_count >= Capacity)
                {
                    return name;
                }

                var table = (string?[])_table.Clone();
                for (var i = hash & (Buckets - 1); ; i = (i + 1) & (Buckets - 1))
                {
                    var existing = table[i];
                    if (existing is null)
                    {
                        table[i] = name;
                        break;
                    }

                    if (existing == name)
                    {
                        return existing;
                    }
                }

                _count++;
                Volatile.Write(ref _table, table);
                return name;
            }
        }

        private static bool Matches(string name, char[] key, int start, int length) =>
            name.AsSpan().SequenceEqual(key.AsSpan(start, length));

        private static int Hash(char[] key, int start, int length)
        {
            unchecked
            {
                var hash = (int)2166136261;
                for (var i = start; i < start + length; i++)
                {
                    hash = (hash ^ key[i]) * 16777619;
                }

                return hash & int.MaxValue;
            }
        }
    }
}
