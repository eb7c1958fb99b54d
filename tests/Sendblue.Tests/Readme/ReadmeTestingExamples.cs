using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Moq;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Readme
{
    /// <summary>
    /// The README's "Mock the client in your tests" and "Test your code against a local emulator"
    /// examples, line for line (ReadmeExamplesTests holds the README to these lines), run as tests.
    /// </summary>
    public class ReadmeTestingExamples
    {
        public sealed class ShippingNotifier
        {
            private readonly IMessagesClient _messages;
            public ShippingNotifier(IMessagesClient messages) => _messages = messages;

            public async Task<string?> NotifyShippedAsync(string phone, string orderId) =>
                (await _messages.SendAsync(new SendMessageRequest
                {
                    Number = phone,
                    FromNumber = "+16292925296",
                    Content = $"Order {orderId} has shipped.",
                })).MessageHandle;
        }

        [Test]
        public async Task NotifiesTheCustomer()
        {
            var messages = new Mock<IMessagesClient>();
            messages.Setup(m => m.SendAsync(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()))
                    .ReturnsAsync(new MessageResponse { MessageHandle = "handle-1", Status = MessageStatus.Queued });

            var handle = await new ShippingNotifier(messages.Object).NotifyShippedAsync("+19998887777", "A-42");

            Assert.That(handle, Is.EqualTo("handle-1"));
            messages.Verify(m => m.SendAsync(
                It.Is<SendMessageRequest>(r => r.Number == "+19998887777" && r.Content == "Order A-42 has shipped."),
                It.IsAny<CancellationToken>()), Times.Once);
        }

        [Test]
        public async Task TheCustomerIsToldWhenTheOrderShips()
        {
            var options = new SendblueEmulatorOptions { WebhookSecret = "whsec-test" };
            options.FailingNumbers.Add("+15550000001");           // sends to it end in ERROR
            options.SmsOnlyNumbers.Add("+15550000002");           // no iMessage: goes as SMS
            await using var emulator = await SendblueEmulator.StartAsync(options);
            using var client = emulator.CreateClient();           // or: new SendblueClient(emulator.CreateClientOptions())

            var handle = await new ShippingNotifier(client.Messages).NotifyShippedAsync("+19998887777", "A-42");

            await emulator.CompleteAllAsync();                     // QUEUED -> SENT -> DELIVERED, callbacks posted
            var status = await client.Messages.GetStatusAsync(handle!);
            Assert.That(status.Status, Is.EqualTo(MessageStatus.Delivered));
            Assert.That(emulator.Requests.Single(r => r.Operation == EmulatorOperation.Send).Body, Does.Contain("Order A-42 has shipped."));
        }
    }
}
