namespace Sendblue.Testing
{
    /// <summary>A status callback or receive webhook the emulator POSTed.</summary>
    /// <param name="Url">Where it was posted.</param>
    /// <param name="Body">The JSON body.</param>
    /// <param name="StatusCode">The status the receiver answered with; null when it could not be reached.</param>
    /// <param name="Error">Why it could not be delivered, or null.</param>
    public sealed record EmulatedWebhookDelivery(string Url, string Body, int? StatusCode, string? Error);
}
