using System.Net.Http;

namespace Sendblue.Http
{
    /// <summary>
    /// A value the SDK carries on a request for the steps of its pipeline (the operation, the
    /// call's options, its telemetry): <c>HttpRequestMessage.Options</c> on .NET 5+, the older
    /// <c>Properties</c> bag on netstandard2.0.
    /// </summary>
    internal sealed class RequestProperty<T>
        where T : class
    {
        private readonly string _key;
#if NET5_0_OR_GREATER
        private readonly HttpRequestOptionsKey<T> _optionsKey;
#endif

        public RequestProperty(string key)
        {
            _key = key;
#if NET5_0_OR_GREATER
            _optionsKey = new HttpRequestOptionsKey<T>(key);
#endif
        }

        public void Set(HttpRequestMessage request, T value)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(_optionsKey, value);
#else
            request.Properties[_key] = value;
#endif
        }

        public T? Get(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            return request.Options.TryGetValue(_optionsKey, out var value) ? value : null;
#else
            return request.Properties.TryGetValue(_key, out var value) ? value as T : null;
#endif
        }
    }
}
