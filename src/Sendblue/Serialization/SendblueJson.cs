using Newtonsoft.Json;

namespace Sendblue.Serialization
{
    /// <summary>The JSON settings every model of the SDK is read and written with.</summary>
    internal static class SendblueJson
    {
        public static readonly JsonSerializerSettings Settings = Configure(new JsonSerializerSettings());

        public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

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
    }
}
