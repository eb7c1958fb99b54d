using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// Bodies whose structure is hostile (nesting past any sane depth, a huge array of nulls,
    /// invalid UTF-8, the wrong JSON type at the top, HTML with 200): each is a SendblueException
    /// naming the problem, never a stack overflow or another type. Reading bodies is the JSON
    /// reader's part (the generated converters and JsonRead); these tests hold it to that through
    /// the public API.
    /// </summary>
    public class BoundedStructureTests
    {
        private const int Deep = 100_000;

        private static string Arrays(int depth) => new string('[', depth) + new string(']', depth);

        private static string Objects(int depth) => string.Concat(Enumerable.Repeat("{\"x\":", depth)) + "1" + new string('}', depth);

        public static IEnumerable<TestCaseData> DeepBodies()
        {
            yield return Case(Operations.GetStatus, "{\"message_handle\":\"h\",\"extra\":" + Arrays(Deep) + "}", "arrays in an unknown field");
            yield return Case(Operations.GetStatus, "{\"message_handle\":\"h\",\"extra\":" + Objects(Deep) + "}", "objects in an unknown field");
            yield return Case(Operations.Get, "{\"data\":{\"message_handle\":\"h\",\"extra\":" + Objects(Deep) + "}}", "objects in the data of a retrieve");
            yield return Case(Operations.List, "{\"data\":[{\"extra\":" + Arrays(Deep) + "}]}", "arrays in a list item");
            yield return Case(Operations.Send, string.Concat(Enumerable.Repeat("{\"x\":", Deep)), "objects, never closed");
            yield return Case(Operations.GetStatus, "{\"extra\":" + Arrays(64) + "}", "one level past 64");

            static TestCaseData Case(Operation operation, string body, string name) => new TestCaseData(operation, body).SetArgDisplayNames(name);
        }

        public static IEnumerable<TestCaseData> HostileBodies()
        {
            foreach (var deep in DeepBodies())
            {
                yield return deep;
            }

            foreach (var top in new[] { "[]", "[{\"message_handle\":\"h\"}]", "null", "\"hello\"", "42", "true" })
            {
                yield return new TestCaseData(Operations.GetStatus, top).SetArgDisplayNames("top-level " + top);
            }

            yield return new TestCaseData(Operations.Send, "<!DOCTYPE html><html><body>Bad gateway</body></html>").SetArgDisplayNames("HTML");
        }

        [TestCaseSource(nameof(HostileBodies))]
        public async Task AHostileSuccessBody_IsASendblueException_NeverAnotherType(Operation operation, string body)
        {
            await using var server = new HostileServer(x => x.RespondAsync(200, body));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<Exception>(() => operation.Invoke(client.Messages));

            Assert.That(ex, Is.InstanceOf<SendblueException>(), ex?.ToString() ?? "no exception");
        }

        [TestCaseSource(nameof(DeepBodies))]
        public async Task ASuccessBodyNestedTooDeep_IsNamedAsSuch(Operation operation, string body)
        {
            await using var server = new HostileServer(x => x.RespondAsync(200, body));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<SendblueException>(() => operation.Invoke(client.Messages));

            Assert.That(ex!.Message, Does.Contain("depth").IgnoreCase);
        }

        [Test]
        public async Task ABodyNestedToTheLimit_IsRead()
        {
            // The body's object is level 1, the field's arrays 2 to 64.
            await using var server = new HostileServer(x => x.RespondAsync(200, "{\"message_handle\":\"h\",\"extra\":" + Arrays(63) + "}"));
            using var client = Hostile.Client(server, maxRetries: 0);

            var result = await client.Messages.GetStatusAsync("h");

            Assert.That(result.MessageHandle, Is.EqualTo("h"));
        }

        [Test]
        public async Task AnErrorBodyNestedTooDeep_IsStillTheStatusException()
        {
            await using var server = new HostileServer(x => x.RespondAsync(400, "{\"error\":" + Arrays(Deep) + ",\"error_message\":\"late\"}"));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<Exception>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            Assert.That(ex, Is.InstanceOf<SendblueBadRequestException>(), ex!.ToString());
        }

        [Test]
        public async Task AHugeArrayOfNulls_WalksToNothing_InOneRequest()
        {
            // A null item is no message: the walk skips it (PageWalker), it does not fail.
            var nulls = string.Join(",", Enumerable.Repeat("null", 500_000));
            await using var server = new HostileServer(x => x.RespondAsync(200, "{\"status\":\"OK\",\"data\":[" + nulls + "],\"pagination\":{\"hasMore\":false,\"total\":500000}}"));
            using var client = Hostile.Client(server, maxRetries: 0);
            var yielded = 0;

            await foreach (var message in client.Messages.ListAllAsync())
            {
                yielded++;
            }

            Assert.Multiple(() =>
            {
                Assert.That(yielded, Is.Zero, "a null is not a message");
                Assert.That(server.Requests, Has.Count.EqualTo(1), "the walk ends at that page");
            });
        }

        [Test]
        public async Task InvalidUtf8_IsASendblueException_NamingTheEncoding()
        {
            var body = Encoding.ASCII.GetBytes("{\"message_handle\":\"h\",\"content\":\"caf\u0001\"}");
            body[Array.IndexOf(body, (byte)1)] = 0xE9; // Latin-1 'é': not UTF-8 on its own
            await using var server = new HostileServer(x => x.RespondAsync(200, "OK", body));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<Exception>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.InstanceOf<SendblueException>(), ex?.ToString() ?? "no exception: the body was read, U+FFFD in place of the byte");
                Assert.That(ex?.Message, Does.Contain("UTF-8"));
            });
        }

        [TestCase("[]", "array")]
        [TestCase("[{\"message_handle\":\"h\"}]", "array")]
        [TestCase("42", "42")]
        [TestCase("null", "null")]
        [TestCase("\"hello\"", "string")]
        [TestCase("true", "boolean")]
        public async Task TheWrongJsonTypeAtTheTop_IsNamed(string body, string named)
        {
            await using var server = new HostileServer(x => x.RespondAsync(200, body));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            Assert.That(ex!.Message, Does.Contain(named).IgnoreCase);
        }

        [Test]
        public async Task HtmlWithStatus200_IsNamedAsSuch()
        {
            await using var server = new HostileServer(x => x.RespondAsync(200, "OK", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Bad gateway</body></html>"), "Content-Type: text/html; charset=utf-8"));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.SendAsync(Http.Loopback.Send()));

            Assert.That(ex!.Message, Does.Contain("HTML").IgnoreCase);
        }
    }
}
