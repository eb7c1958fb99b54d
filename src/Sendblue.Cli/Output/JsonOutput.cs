using System.IO;
using Newtonsoft.Json;

namespace Sendblue.Cli.Output
{
    /// <summary>
    /// <c>--json</c>: the SDK's model as Newtonsoft writes it, so the wire names (<c>message_handle</c>)
    /// and the fields the model does not know (kept in AdditionalProperties) come out as they came in.
    /// </summary>
    internal static class JsonOutput
    {
        private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            Formatting = Formatting.Indented,
            NullValueHandling = NullValueHandling.Ignore,
            DateFormatHandling = DateFormatHandling.IsoDateFormat,
            DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        });

        public static void Write(TextWriter output, object value)
        {
            using (var json = new JsonTextWriter(output) { CloseOutput = false })
            {
                Serializer.Serialize(json, value);
            }

            output.WriteLine();
        }
    }
}
