using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Sendblue.Benchmarks.Baseline;
using Sendblue.Benchmarks.Workload;

namespace Sendblue.Benchmarks
{
    /// <summary>
    /// Each operation through the SDK's public API beside the same work done by hand
    /// (<see cref="BaselineClient"/>), both over <see cref="CannedHandler"/>: the same bytes, no
    /// sockets. "Sdk" is a default client (<c>new SendblueClient(options)</c>: its own pipeline of
    /// errors, retries, redirects, user agent, per-attempt timeout and credentials) with the socket
    /// transport swapped for the canned one; "SdkBroughtHttpClient" is
    /// <c>new SendblueClient(options, httpClient)</c>. Ratios are to the baseline of each category.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class MessagesBenchmarks
    {
        public const int ListAllTotal = 10_000;

        private SendblueClient _sdk = null!;
        private SendblueClient _sdkBrought = null!;
        private HttpClient _brought = null!;
        private BaselineClient _baseline = null!;
        private string _webhook = null!;

        private readonly SendMessageRequest _request = new()
        {
            Number = "+19998887777",
            FromNumber = "+16292925296",
            Content = "Your table for two is ready. Reply YES to confirm, NO to cancel.",
            SendStyle = SendStyle.Celebration,
            StatusCallback = "https://example.com/hooks/status",
        };

        private readonly PlainSendRequest _plainRequest = new()
        {
            Number = "+19998887777",
            FromNumber = "+16292925296",
            Content = "Your table for two is ready. Reply YES to confirm, NO to cancel.",
            SendStyle = "celebration",
            StatusCallback = "https://example.com/hooks/status",
        };

        private static readonly string Handle = Canned.Handle(1);

        [GlobalSetup]
        public void Setup()
        {
            var handler = new CannedHandler(ListAllTotal);
            var options = new SendblueClientOptions { ApiKey = Canned.ApiKey, ApiSecret = Canned.ApiSecret, BaseUrl = Canned.BaseUrl };
            _sdk = SendblueClient.WithTransport(options, handler);
            _brought = new HttpClient(handler, disposeHandler: false);
            _sdkBrought = new SendblueClient(options, _brought);
            _baseline = new BaselineClient(new HttpClient(handler, disposeHandler: false), Canned.BaseUrl, Canned.ApiKey, Canned.ApiSecret);
            _webhook = Canned.Webhook();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _sdk.Dispose();
            _sdkBrought.Dispose();
            _brought.Dispose();
        }

        [Benchmark(Baseline = true), BenchmarkCategory("Send")]
        public Task<PlainMessageResponse> Send_Baseline() => _baseline.SendAsync(_plainRequest);

        [Benchmark, BenchmarkCategory("Send")]
        public Task<MessageResponse> Send_Sdk() => _sdk.Messages.SendAsync(_request);

        [Benchmark(Baseline = true), BenchmarkCategory("GetStatus")]
        public Task<PlainMessageResponse> GetStatus_Baseline() => _baseline.GetStatusAsync(Handle);

        [Benchmark, BenchmarkCategory("GetStatus")]
        public Task<MessageResponse> GetStatus_Sdk() => _sdk.Messages.GetStatusAsync(Handle);

        [Benchmark, BenchmarkCategory("GetStatus")]
        public Task<MessageResponse> GetStatus_SdkBroughtHttpClient() => _sdkBrought.Messages.GetStatusAsync(Handle);

        [Benchmark(Baseline = true), BenchmarkCategory("Get")]
        public Task<PlainMessageRetrieve> Get_Baseline() => _baseline.GetAsync(Handle);

        [Benchmark, BenchmarkCategory("Get")]
        public Task<MessageRetrieveResponse> Get_Sdk() => _sdk.Messages.GetAsync(Handle);

        [Benchmark(Baseline = true), BenchmarkCategory("List100")]
        public Task<PlainMessageList> List_Baseline() => _baseline.ListAsync(100, 0);

        [Benchmark, BenchmarkCategory("List100")]
        public Task<MessageListResponse> List_Sdk() => _sdk.Messages.ListAsync(new MessageListQuery { Limit = 100 });

        [Benchmark(Baseline = true), BenchmarkCategory("ListAll10k")]
        public async Task<int> ListAll_Baseline()
        {
            var count = 0;
            await foreach (var message in _baseline.ListAllAsync(100))
            {
                count++;
            }

            return count;
        }

        [Benchmark, BenchmarkCategory("ListAll10k")]
        public async Task<int> ListAll_Sdk()
        {
            var count = 0;
            await foreach (var message in _sdk.Messages.ListAllAsync(new MessageListQuery { Limit = 100 }))
            {
                count++;
            }

            return count;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("WebhookParse")]
        public PlainMessageContent Webhook_Baseline() => BaselineClient.ParseWebhook(_webhook);

        [Benchmark, BenchmarkCategory("WebhookParse")]
        public MessageContent Webhook_Sdk() => SendblueWebhook.Parse(_webhook);
    }
}
