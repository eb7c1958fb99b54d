using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>The MediaObjects operation: an upload by URL is recorded and answered with a media object id; nothing is downloaded.</summary>
    internal sealed class MediaObjectEndpoints
    {
        private readonly SendblueEmulator _emulator;

        public MediaObjectEndpoints(SendblueEmulator emulator)
        {
            _emulator = emulator;
        }

        public Answer Upload(EmulatorCall call)
        {
            var url = Values.HttpUrl(call.Json().Required("media_url"), "media_url");

            // Shaped like Sendblue's ids: a short random prefix and the file's name (8c21f0d4_summer-2024.jpg).
            var name = new Uri(url).Segments.LastOrDefault()?.Trim('/') is { Length: > 0 } last ? Uri.UnescapeDataString(last) : "media";
            var id = $"{Guid.NewGuid().ToString("N").Substring(0, 8)}_{name}";
            var account = _emulator.Account;
            lock (account.Gate)
            {
                account.MediaObjects.Add(new EmulatedMediaObject(id, url, _emulator.Now()));
            }

            return Answer.Ok(new JObject
            {
                ["status"] = "OK",
                ["message"] = "Media object uploaded successfully",
                ["mediaObjectId"] = id,
            });
        }
    }
}
