namespace Sendblue
{
    /// <summary>
    /// The names under which the SDK reports traces and metrics, for OpenTelemetry's
    /// <c>AddSource</c> and <c>AddMeter</c> (or an <c>ActivityListener</c> / <c>MeterListener</c>).
    /// </summary>
    /// <remarks>
    /// Each call is one span named after its operation (such as <c>Messages.Send</c>), with one
    /// child span per HTTP attempt, tagged by the OpenTelemetry conventions for HTTP clients
    /// (<c>http.request.method</c>, <c>server.address</c>, <c>server.port</c>,
    /// <c>http.response.status_code</c>, <c>error.type</c>). The meter counts attempts
    /// (<c>sendblue.client.requests</c>) and retries (<c>sendblue.client.retries</c>) and records how
    /// long each operation took, retries and waits included (<c>sendblue.client.operation.duration</c>,
    /// seconds). Phone numbers, message content, the key and the secret are never part of either.
    /// </remarks>
    public static class SendblueTelemetry
    {
        /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: <c>Sendblue</c>.</summary>
        public const string ActivitySourceName = "Sendblue";

        /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Sendblue</c>.</summary>
        public const string MeterName = "Sendblue";
    }
}
