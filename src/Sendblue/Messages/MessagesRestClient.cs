using Newtonsoft.Json;
using Sendblue.Serialization;

namespace Sendblue
{
    // CUSTOM: the generated client reads and writes JSON with the SDK's one set of settings.
    internal partial class MessagesRestClient
    {
        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) => SendblueJson.Configure(settings);
    }
}
