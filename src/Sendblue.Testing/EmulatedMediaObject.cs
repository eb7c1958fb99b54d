using System;

namespace Sendblue.Testing
{
    /// <summary>A media object uploaded by URL. The emulator never downloads the file: it records the URL.</summary>
    /// <param name="MediaObjectId">The <c>mediaObjectId</c> the upload answered with.</param>
    /// <param name="MediaUrl">The <c>media_url</c> it was uploaded from.</param>
    /// <param name="DateUploaded">When, on the emulator's clock.</param>
    public sealed record EmulatedMediaObject(string MediaObjectId, string MediaUrl, DateTimeOffset DateUploaded);
}
