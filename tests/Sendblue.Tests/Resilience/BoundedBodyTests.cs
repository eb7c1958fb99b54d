using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// No body is read past <see cref="SendblueClientOptions.MaxResponseBytes"/>: success or error,
    /// with or without Content-Length, plain or compressed. Bodies here are as large as a test needs
    /// to be over the limit, or never end (the server writes until the client stops reading).
    /// </summary>
    public class BoundedBodyTests
    {
        private const long Limit = 64 * 1024;

        public enum Framing
        {
            /// <summary>Content-Length announces the body (twice the limit) and the body follows.</summary>
            ContentLength,

            /// <summary>Chunked, never a last chunk.</summary>
            Chunked,

            /// <summary>No length at all: the body runs until the connection closes.</summary>
            UntilClose,

            /// <summary>A gzip bomb, chunked.</summary>
            Gzip,

            /// <summary>A deflate (zlib) bomb, chunked.</summary>
            Deflate,
        }

        [Test]
        public async Task ABodyOverTheDefault16MiB_EndsTheCall_WithTheLimitAndHowToRaiseIt()
        {
            var body = Hostile.MessageResponseOfLength((int)SendblueClientOptions.DefaultMaxResponseBytes + 1);
            await using var server = new HostileServer(x => x.RespondAsync(200, "OK", body));
            using var client = Hostile.Client(server);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.Not.InstanceOf<SendblueApiException>().And.Not.InstanceOf<SendblueConnectionException>());
                Assert.That(ex!.Message, Is.EqualTo(
                    $"The Sendblue API's answer to GET {server.BaseUrl}api/status (200 OK) announces {body.Length} bytes, more than SendblueClientOptions.MaxResponseBytes (16777216 bytes); it was not read. Raise MaxResponseBytes if answers this large are expected."));
                Assert.That(server.Requests, Has.Count.EqualTo(1), "a body too large is not asked for again");
            });
        }

        [TestCase(true)]
        [TestCase(false)]
        public async Task ABodyOfExactlyTheLimit_IsRead(bool withContentLength)
        {
            var body = Hostile.MessageResponseOfLength((int)Limit);
            await using var server = new HostileServer(async x =>
            {
                if (withContentLength)
                {
                    await x.RespondAsync(200, "OK", body);
                    return;
                }

                await x.WriteHeadAsync(200, "OK", "Content-Type: application/json", "Transfer-Encoding: chunked");
                await x.WriteChunkAsync(body.AsMemory(0, 1000));
                await x.WriteChunkAsync(body.AsMemory(1000));
                await x.EndChunksAsync();
            });
            using var client = Hostile.Client(server, maxResponseBytes: Limit);

            var result = await client.Messages.GetStatusAsync(Hostile.Handle);

            Assert.That(result.Content, Is.EqualTo(new string('x', result.Content!.Length)).And.Length.GreaterThan((int)Limit - 100), "the whole padded content came through");
        }

        [Test]
        public async Task AnErrorBodyUnderTheLimit_IsStillTheStatusException()
        {
            await using var server = new HostileServer(x => x.RespondAsync(400, $$"""{"error_message":"from_number is required","pad":"{{new string('x', 60_000)}}"}"""));
            using var client = Hostile.Client(server, maxResponseBytes: Limit);

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(Http.Loopback.Send()));

            Assert.That(ex!.ErrorMessage, Is.EqualTo("from_number is required"));
        }

        [Test]
        public void MaxResponseBytes_ZeroOrNegative_IsRefusedAtConstruction([Values(0L, -1L)] long value)
        {
            var options = Hostile.Options(new Uri("http://127.0.0.1:9"), maxResponseBytes: value);

            var ex = Assert.Throws<InvalidOperationException>(() => new SendblueClient(options).Dispose());

            Assert.That(ex!.Message, Is.EqualTo($"SendblueClientOptions.MaxResponseBytes must be positive; it is {value}."));
        }

        [Test]
        public void MaxResponseBytes_DefaultsTo16MiB()
        {
            Assert.That(new SendblueClientOptions().MaxResponseBytes, Is.EqualTo(16L * 1024 * 1024));
        }

        /// <summary>
        /// Every framing, for a success and an error status, for a read and a send: the call ends
        /// with the SendblueException naming the limit, well before the attempt's timeout, and is
        /// not retried. The compressed ones inflate without end; the client stops at the limit.
        /// </summary>
        [Test]
        public async Task ABodyOverTheLimit_EndsTheCall_PromptlyAndOnce(
            [Values] Framing framing,
            [Values(200, 500)] int status,
            [Values(false, true)] bool send)
        {
            await using var server = new HostileServer(x => WriteOversizedAsync(x, framing, status));
            using var client = Hostile.Client(server, timeout: TimeSpan.FromSeconds(20), maxResponseBytes: Limit);
            var clock = Stopwatch.StartNew();

            var ex = Assert.CatchAsync<SendblueException>(() => send
                ? client.Messages.SendAsync(Http.Loopback.Send())
                : client.Messages.GetStatusAsync(Hostile.Handle));

            var elapsed = clock.Elapsed;
            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.Not.InstanceOf<SendblueApiException>().And.Not.InstanceOf<SendblueConnectionException>(), ex!.ToString());
                Assert.That(ex!.Message, Does.Contain($"({status} ").And.Contain("SendblueClientOptions.MaxResponseBytes (65536 bytes)").And.Contain("Raise MaxResponseBytes"));
                Assert.That(server.Requests, Has.Count.EqualTo(1), $"attempts: {server.Requests.Count}");
                Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), $"ended after {elapsed.TotalMilliseconds:0} ms; the timeout was 20 s");
            });
        }

        [Test]
        public async Task AnAnnouncedLengthOverTheLimit_IsRefusedBeforeTheBodyIsRead()
        {
            // 1 GiB announced, ten bytes sent, then nothing: only a client that reads on would wait.
            await using var server = new HostileServer(async x =>
            {
                await x.WriteHeadAsync(200, "OK", "Content-Type: application/json", "Content-Length: 1073741824");
                await x.WriteAsync("{\"status\":");
                await x.HangAsync();
            });
            using var client = Hostile.Client(server, maxRetries: 0, timeout: TimeSpan.FromSeconds(20), maxResponseBytes: Limit);
            var clock = Stopwatch.StartNew();

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            var elapsed = clock.Elapsed;
            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.Not.InstanceOf<SendblueTimeoutException>(), ex!.ToString());
                Assert.That(ex!.Message, Does.Contain("announces 1073741824 bytes, more than SendblueClientOptions.MaxResponseBytes (65536 bytes)"));
                Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), $"ended after {elapsed.TotalMilliseconds:0} ms");
            });
        }

        [Test]
        public async Task ABroughtHttpClient_IsHeldToTheLimitToo()
        {
            await using var server = new HostileServer(x => WriteOversizedAsync(x, Framing.Chunked, 200));
            using var http = new HttpClient();
            using var client = new SendblueClient(Hostile.Options(server.BaseUrl, maxResponseBytes: Limit), http);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            Assert.That(ex!.Message, Does.Contain("SendblueClientOptions.MaxResponseBytes (65536 bytes)"), ex.ToString());
        }

        /// <summary>
        /// A bomb against the default limit: the call ends with the limit's exception, and what the
        /// process allocated meanwhile (an upper bound of its growth) stays under twice the limit.
        /// Measured on a client's first call (the tests run one at a time).
        /// </summary>
        [Test]
        public async Task ACompressionBomb_StopsAtTheLimit_AllocatingUnderTwiceTheLimit([Values("gzip", "deflate")] string encoding)
        {
            var framing = encoding == "gzip" ? Framing.Gzip : Framing.Deflate;
            const int inflatesTo = 4096; // MiB, if the client read it all
            await using var server = new HostileServer(x => WriteOversizedAsync(x, framing, 200, inflatesTo));
            using var client = Hostile.Client(server, maxRetries: 0);
            var limit = SendblueClientOptions.DefaultMaxResponseBytes;

            var before = GC.GetTotalAllocatedBytes(precise: true);
            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Hostile.Handle));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            TestContext.Out.WriteLine($"{encoding} bomb: {allocated / (double)Bomb.MiB:0.00} MiB allocated, limit {limit / Bomb.MiB} MiB");

            Assert.Multiple(() =>
            {
                Assert.That(ex!.Message, Does.Contain("SendblueClientOptions.MaxResponseBytes (16777216 bytes)"), ex.ToString());
                Assert.That(allocated, Is.LessThan(2 * limit),
                    $"allocated {allocated / (double)Bomb.MiB:0.0} MiB while refusing a {encoding} bomb of {inflatesTo} MiB (limit {limit / Bomb.MiB} MiB)");
            });
        }

        private static async Task WriteOversizedAsync(HostileExchange x, Framing framing, int status, int bombMebibytes = 1024)
        {
            var reason = HostileExchange.ReasonOf(status);
            var filler = Encoding.ASCII.GetBytes("{\"status\":\"" + new string('x', 8192));
            switch (framing)
            {
                case Framing.ContentLength:
                    var body = Hostile.MessageResponseOfLength((int)(2 * Limit));
                    await x.RespondAsync(status, reason, body);
                    return;
                case Framing.Chunked:
                    await x.WriteHeadAsync(status, reason, "Content-Type: application/json", "Transfer-Encoding: chunked");
                    for (var i = 0; i < 100_000 && !x.Stopping.IsCancellationRequested; i++)
                    {
                        await x.WriteChunkAsync(filler);
                    }

                    return;
                case Framing.UntilClose:
                    await x.WriteHeadAsync(status, reason, "Content-Type: application/json", "Connection: close");
                    for (var i = 0; i < 100_000 && !x.Stopping.IsCancellationRequested; i++)
                    {
                        await x.WriteAsync(filler);
                    }

                    x.Close();
                    return;
                default:
                    var bomb = framing == Framing.Gzip ? Bomb.Gzip : Bomb.Deflate;
                    await x.WriteHeadAsync(status, reason, "Content-Type: application/json", "Transfer-Encoding: chunked", "Content-Encoding: " + bomb.Encoding);
                    await bomb.WriteChunkedAsync(x, bombMebibytes);
                    return;
            }
        }
    }
}
