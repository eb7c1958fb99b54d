using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>Every operation of the SDK against the emulator, over real HTTP.</summary>
    public class EmulatorOperationsTests
    {
        [Test]
        public async Task Send_Status_Get_List_RoundTripThroughTheEmulator()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var sent = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To,
                FromNumber = EmulatorFixture.From,
                Content = "Your table is ready",
                MediaUrl = "https://example.com/menu.png",
                SendStyle = SendStyle.Confetti,
            });
            var status = await client.Messages.GetStatusAsync(sent.MessageHandle!);
            var one = await client.Messages.GetAsync(sent.MessageHandle!);
            var page = await client.Messages.ListAsync();

            Assert.Multiple(() =>
            {
                Assert.That(sent.MessageHandle, Is.Not.Empty);
                Assert.That(sent.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(sent.Number, Is.EqualTo(EmulatorFixture.To));
                Assert.That(sent.FromNumber, Is.EqualTo(EmulatorFixture.From));
                Assert.That(sent.Content, Is.EqualTo("Your table is ready"));
                Assert.That(sent.MediaUrl, Is.EqualTo("https://example.com/menu.png"));
                Assert.That(sent.SendStyle, Is.EqualTo(SendStyle.Confetti));
                Assert.That(sent.IsOutbound, Is.True);
                Assert.That(sent.AccountEmail, Is.EqualTo("emulator@sendblue.test"));
                Assert.That(sent.DateCreated, Is.Not.Null);
                Assert.That(sent.ErrorCode, Is.Null);

                Assert.That(status.MessageHandle, Is.EqualTo(sent.MessageHandle));
                Assert.That(status.Status, Is.EqualTo(MessageStatus.Queued));

                Assert.That(one.Status, Is.EqualTo("OK"));
                Assert.That(one.Data!.MessageHandle, Is.EqualTo(sent.MessageHandle));
                Assert.That(one.Data.AccountEmail, Is.EqualTo("emulator@sendblue.test"));
                Assert.That(one.Data.Service, Is.EqualTo(MessageService.IMessage));
                Assert.That(one.Data.MessageType, Is.EqualTo(MessageType.Message));
                Assert.That(one.Data.SendblueNumber, Is.EqualTo(EmulatorFixture.From));
                Assert.That(one.Data.ToNumber, Is.EqualTo(EmulatorFixture.To));
                Assert.That(one.Data.Number, Is.EqualTo(EmulatorFixture.To));

                Assert.That(page.Data!.Select(m => m.MessageHandle), Is.EqualTo(new[] { sent.MessageHandle }));
                Assert.That(page.Pagination!.Total, Is.EqualTo(1));
                Assert.That(page.Pagination.HasMore, Is.False);
            });
        }

        [Test]
        public async Task TheEmulatorRecordsEachRequest_WithItsCredentialsAndBody()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            await client.Messages.SendAsync(EmulatorFixture.Hello());

            var request = emulator.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Operation, Is.EqualTo(EmulatorOperation.Send));
                Assert.That(request.Method, Is.EqualTo("POST"));
                Assert.That(request.Path, Is.EqualTo("/api/send-message"));
                Assert.That(request.Header("sb-api-key-id"), Is.EqualTo(emulator.ApiKey));
                Assert.That(request.Header("sb-api-secret-key"), Is.EqualTo(emulator.ApiSecret));
                Assert.That(request.Body, Is.EqualTo("""{"number":"+19998887777","from_number":"+16292925296","content":"Hello"}"""));
                Assert.That(request.StatusCode, Is.EqualTo(200));
                Assert.That(request.ResponseBody, Does.StartWith("{\"account_email\":\"emulator@sendblue.test\""));
                Assert.That(request.ResponseHeader("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
            });
        }

        [Test]
        public async Task UnknownHandleOrId_Is404_WithTheServersMessage()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var get = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.GetAsync("nope"));
            var status = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.GetStatusAsync("gone"));

            Assert.Multiple(() =>
            {
                Assert.That(get!.Message, Is.EqualTo("Sendblue API returned 404 Not Found: Message nope not found."));
                Assert.That(status!.ErrorMessage, Is.EqualTo("No message with handle gone."));
            });
        }

        [TestCase("12345", null, "number must be a phone number in E.164 format, such as +19998887777; it is '12345'.")]
        public async Task Send_TheEmulatorValidatesLikeTheApi(string number, string? style, string error)
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest
            {
                Number = number,
                FromNumber = EmulatorFixture.From,
                Content = "x",
                SendStyle = style is null ? (SendStyle?)null : new SendStyle(style),
            }));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.StatusCode, Is.EqualTo(400));
                Assert.That(ex.ErrorMessage, Is.EqualTo(error));
                Assert.That(emulator.Messages, Is.Empty);
            });
        }

        [TestCase("""{"from_number":"+16292925296","content":"x"}""", "number is required.")]
        [TestCase("""{"number":"+19998887777","content":"x"}""", "from_number is required.")]
        [TestCase("""{"number":"+19998887777","from_number":"+16292925296"}""", "content, media_url or app_card is required.")]
        [TestCase("""{"number":"+19998887777","from_number":"+16292925296","content":5}""", "content must be a string.")]
        [TestCase("""[1]""", "The body must be a JSON object.")]
        [TestCase("""{"number":"+19998887777","from_number":"+16292925296","content":"x","send_style":"sparkles"}""", "send_style 'sparkles' is not one of: celebration, shooting_star, fireworks, lasers, love, confetti, balloons, spotlight, echo, invisible, gentle, loud, slam.")]
        public async Task Send_WhatTheSdkWouldRefuse_TheEmulatorRefusesToo(string body, string error)
        {
            // Raw HTTP: the SDK checks these before sending, but a user's other clients may not.
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, text) = await emulator.RawAsync(HttpMethod.Post, "api/send-message", body);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(text, Is.EqualTo($$"""{"status":"ERROR","error_message":"{{error}}"}"""));
            });
        }

        [Test]
        public async Task WrongOrMissingCredentials_Are401()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient(o => o.ApiSecret = "wrong");
            using var http = new HttpClient();

            var ex = Assert.ThrowsAsync<SendblueAuthenticationException>(() => client.Messages.ListAsync());
            using var bare = await http.GetAsync(new Uri(emulator.BaseUrl, "api/status?handle=x"));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.StatusCode, Is.EqualTo(401));
                Assert.That(ex.ErrorMessage, Does.StartWith("Unauthorized"));
                Assert.That((int)bare.StatusCode, Is.EqualTo(401));
                Assert.That(emulator.Requests, Has.Count.EqualTo(2), "a 401 is not retried");
            });
        }

        [Test]
        public async Task StartAsync_PicksAFreePortOnLoopback_SoEmulatorsRunSideBySide()
        {
            await using var a = await EmulatorFixture.StartAsync();
            await using var b = await EmulatorFixture.StartAsync();

            Assert.Multiple(() =>
            {
                Assert.That(a.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
                Assert.That(a.BaseUrl.Port, Is.Not.EqualTo(b.BaseUrl.Port));
            });
        }
    }
}
