using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Sendblue.ContractTests.Support;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Live
{
    /// <summary>
    /// The live contract run: SDK calls through a brought HttpClient that records each raw response,
    /// every response checked against the spec and added to a drift report. The live suite runs it
    /// against the API; <see cref="LiveMachineryTests"/> runs the same code against the emulator and
    /// a scripted server, so the machinery is tested in CI without credentials.
    /// </summary>
    public sealed class LiveContractRun : IDisposable
    {
        private readonly HttpClient _http;
        private int _checked;

        public LiveContractRun(SendblueClientOptions options, HttpMessageHandler? inner = null)
        {
            Wire = inner is null ? new RecordingHandler() : new RecordingHandler(inner);
            _http = new HttpClient(Wire);
            BaseUrl = options.BaseUrl;
            Client = new SendblueClient(options, _http);
            Report = new DriftReport($"Contract drift: {options.BaseUrl} against spec/openapi.yaml");
        }

        /// <summary>The API the run talks to.</summary>
        public Uri BaseUrl { get; }

        /// <summary>The SDK client (its HttpClient records every exchange).</summary>
        public SendblueClient Client { get; }

        /// <summary>What went over the wire.</summary>
        public RecordingHandler Wire { get; }

        /// <summary>Every check of the run, and the drift found.</summary>
        public DriftReport Report { get; }

        /// <summary>Lists a few messages (read-only).</summary>
        public async Task<(MessageListResponse Page, IReadOnlyList<ContractCheck> Checks)> ListAsync(int limit = 5)
        {
            var page = await Client.Messages.ListAsync(new MessageListQuery { Limit = limit }).ConfigureAwait(false);
            return (page, CheckNewExchanges());
        }

        /// <summary>Retrieves one message (read-only).</summary>
        public async Task<(MessageRetrieveResponse Message, IReadOnlyList<ContractCheck> Checks)> GetAsync(string messageId)
        {
            var message = await Client.Messages.GetAsync(messageId).ConfigureAwait(false);
            return (message, CheckNewExchanges());
        }

        /// <summary>Reads the status of one message (read-only).</summary>
        public async Task<(MessageResponse Status, IReadOnlyList<ContractCheck> Checks)> GetStatusAsync(string handle)
        {
            var status = await Client.Messages.GetStatusAsync(handle).ConfigureAwait(false);
            return (status, CheckNewExchanges());
        }

        /// <summary>Sends one message: only when the caller named both numbers.</summary>
        public async Task<(MessageResponse Sent, IReadOnlyList<ContractCheck> Checks)> SendAsync(string to, string from)
        {
            var sent = await Client.Messages.SendAsync(new SendMessageRequest
            {
                Number = to,
                FromNumber = from,
                Content = $"Sendblue .NET SDK contract test, {DateTimeOffset.UtcNow:u}. No reply needed.",
            }).ConfigureAwait(false);
            return (sent, CheckNewExchanges());
        }

        /// <summary>Checks every exchange not checked yet (also those of a call that threw) and adds it to the report.</summary>
        public IReadOnlyList<ContractCheck> CheckNewExchanges()
        {
            var exchanges = Wire.Exchanges;
            var checks = new List<ContractCheck>();
            for (; _checked < exchanges.Count; _checked++)
            {
                var exchange = exchanges[_checked];
                var path = exchange.Uri.AbsolutePath;
                var basePath = BaseUrl.AbsolutePath.TrimEnd('/');
                if (basePath.Length > 0 && path.StartsWith(basePath, StringComparison.Ordinal))
                {
                    path = path.Substring(basePath.Length);
                }

                var operation = SpecContract.Shared.Find(exchange.Method.Method, path);
                var check = operation is null
                    ? ContractCheck.Failed($"{exchange.Method.Method} {path} {exchange.StatusCode}", "not an operation of the spec")
                    : SpecContract.Shared.CheckResponse(operation, exchange.StatusCode, exchange.ResponseBody, exchange.ResponseHeaders);
                checks.Add(Report.Add(check));
            }

            return checks;
        }

        public void Dispose()
        {
            Client.Dispose();
            _http.Dispose();
            Wire.Dispose();
        }
    }
}
