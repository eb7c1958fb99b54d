using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Sendblue.Benchmarks.Baseline;
using Sendblue.Benchmarks.Workload;

namespace Sendblue.Benchmarks
{
    /// <summary>
    /// <c>smoke</c>: every benchmarked operation once through the SDK and the baseline over the same
    /// canned bytes, checking that both read the same values (and that the SDK kept the unknown
    /// fields), so a benchmark never compares work that differs.
    /// </summary>
    public static class Smoke
    {
        public static async Task<int> RunAsync()
        {
            var handler = new CannedHandler(MessagesBenchmarks.ListAllTotal);
            var options = new SendblueClientOptions { ApiKey = Canned.ApiKey, ApiSecret = Canned.ApiSecret, BaseUrl = Canned.BaseUrl };
            using var sdk = SendblueClient.WithTransport(options, handler);
            var baseline = new BaselineClient(new HttpClient(handler, disposeHandler: false), Canned.BaseUrl, Canned.ApiKey, Canned.ApiSecret);
            var failures = new List<string>();
            void Check(bool ok, string what)
            {
                if (!ok)
                {
                    failures.Add(what);
                }
            }

            var handle = Canned.Handle(1);
            var sent = await sdk.Messages.SendAsync(new SendMessageRequest { Number = "+19998887777", FromNumber = "+16292925296", Content = "hi" });
            var plainSent = await baseline.SendAsync(new PlainSendRequest { Number = "+19998887777", FromNumber = "+16292925296", Content = "hi" });
            Check(Same(sent, plainSent), "send");
            var status = await sdk.Messages.GetStatusAsync(handle);
            Check(Same(status, await baseline.GetStatusAsync(handle)), "status");
            var one = await sdk.Messages.GetAsync(handle);
            Check(Same(one.Data!, (await baseline.GetAsync(handle)).Data!), "get");

            var sdkAll = new List<Message>();
            await foreach (var m in sdk.Messages.ListAllAsync(new MessageListQuery { Limit = 100 }))
            {
                sdkAll.Add(m);
            }

            var plainAll = new List<PlainMessage>();
            await foreach (var m in baseline.ListAllAsync(100))
            {
                plainAll.Add(m);
            }

            Check(sdkAll.Count == MessagesBenchmarks.ListAllTotal && plainAll.Count == sdkAll.Count, $"walk counts {sdkAll.Count} / {plainAll.Count}");
            for (var i = 0; i < Math.Min(sdkAll.Count, plainAll.Count); i++)
            {
                Check(Same(sdkAll[i], plainAll[i]), $"walk item {i}");
                var unknown = i % 4 == 0 ? new[] { "date_created" } : Array.Empty<string>();
                Check(sdkAll[i].AdditionalProperties.Keys.OrderBy(k => k).SequenceEqual(unknown.OrderBy(k => k)), $"walk item {i} unknown fields: {string.Join(",", sdkAll[i].AdditionalProperties.Keys)}");
            }

            var hook = SendblueWebhook.Parse(Canned.Webhook());
            var plainHook = BaselineClient.ParseWebhook(Canned.Webhook());
            Check(hook.MessageHandle == plainHook.MessageHandle && hook.DateSent == plainHook.DateSent && hook.Status.ToString() == plainHook.Status
                  && hook.AccountEmail == plainHook.AccountEmail && hook.DateCreated == plainHook.DateCreated, "webhook");

            // The canned bodies are read whole by the models' generated converters.
            Check(Read(MessageResponseJsonConverter.Instance, Canned.MessageResponse()), "generated reader for MessageResponse");
            Check(Read(MessageRetrieveResponseJsonConverter.Instance, Canned.Retrieve()), "generated reader for MessageRetrieveResponse");
            Check(Read(MessageListResponseJsonConverter.Instance, Canned.Page(0, 100, 1000)), "generated reader for MessageListResponse");
            Check(Read(MessageContentJsonConverter.Instance, Canned.Webhook()), "generated reader for MessageContent");

            foreach (var failure in failures.Take(20))
            {
                Console.Error.WriteLine("MISMATCH " + failure);
            }

            Console.WriteLine(failures.Count == 0
                ? $"smoke: SDK and baseline read the same values (walk of {sdkAll.Count}, page of {handler.PageBytes} bytes)"
                : $"smoke: {failures.Count} mismatches");
            return failures.Count == 0 ? 0 : 1;
        }

        private static bool Read<T>(Serialization.ModelJsonConverter<T> converter, string body)
            where T : class
        {
            using var reader = Serialization.SendblueJson.CreateReader(new System.IO.StringReader(body));
            return converter.ReadBody(reader, Serialization.SendblueJson.Serializer) is not null;
        }

        private static bool Same(MessageResponse a, PlainMessageResponse b) =>
            a.AccountEmail == b.AccountEmail && a.Content == b.Content && a.DateCreated == b.DateCreated && a.DateUpdated == b.DateUpdated
            && a.ErrorCode == b.ErrorCode && a.ErrorMessage == b.ErrorMessage && a.FromNumber == b.FromNumber && a.IsOutbound == b.IsOutbound
            && a.MediaUrl == b.MediaUrl && a.MessageHandle == b.MessageHandle && a.Number == b.Number
            && a.SendStyle?.ToString() == b.SendStyle && a.Status?.ToString() == b.Status;

        private static bool Same(Message a, PlainMessage b) =>
            a.AccountEmail == b.AccountEmail && a.Content == b.Content && a.DateSent == b.DateSent && a.DateUpdated == b.DateUpdated
            && a.ErrorCode == b.ErrorCode && a.ErrorDetail == b.ErrorDetail && a.ErrorMessage == b.ErrorMessage && a.ErrorReason == b.ErrorReason
            && a.FromNumber == b.FromNumber && a.GroupDisplayName == b.GroupDisplayName && a.GroupId == b.GroupId && a.IsOutbound == b.IsOutbound
            && a.MediaUrl == b.MediaUrl && a.MessageHandle == b.MessageHandle && a.MessageType?.ToString() == b.MessageType && a.Number == b.Number
            && a.OptedOut == b.OptedOut && (a.Participants ?? new List<string>()).SequenceEqual(b.Participants ?? new List<string>()) && a.Plan == b.Plan
            && a.SendStyle?.ToString() == b.SendStyle && a.SendblueNumber == b.SendblueNumber && a.Service?.ToString() == b.Service
            && a.Status?.ToString() == b.Status && a.ToNumber == b.ToNumber && a.WasDowngraded == b.WasDowngraded;
    }
}
