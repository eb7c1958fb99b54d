using System;
using System.Threading;
using System.Threading.Tasks;
using Moq;
using NUnit.Framework;

namespace Sendblue.Tests.Mocking
{
    /// <summary>
    /// How a user unit-tests their own code that uses the SDK: mock <see cref="IMessagesClient"/>
    /// (or <see cref="ISendblueClient"/>) with Moq. The README shows the same example.
    /// </summary>
    public class MockingTheSdkTests
    {
        /// <summary>A user's service: tells a customer their order shipped.</summary>
        public sealed class ShippingNotifier
        {
            private readonly IMessagesClient _messages;
            private readonly string _fromNumber;

            public ShippingNotifier(IMessagesClient messages, string fromNumber)
            {
                _messages = messages;
                _fromNumber = fromNumber;
            }

            public async Task<string?> NotifyShippedAsync(string customerPhone, string orderId, CancellationToken cancellationToken = default)
            {
                var sent = await _messages.SendAsync(
                    new SendMessageRequest
                    {
                        Number = customerPhone,
                        FromNumber = _fromNumber,
                        Content = $"Order {orderId} has shipped.",
                        StatusCallback = $"https://shop.example.com/hooks/sendblue?order={orderId}",
                    },
                    cancellationToken);
                return sent.Status == MessageStatus.Error ? null : sent.MessageHandle;
            }
        }

        [Test]
        public async Task AUsersService_IsTestedWithAMockedIMessagesClient()
        {
            var messages = new Mock<IMessagesClient>();
            messages
                .Setup(m => m.SendAsync(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(new MessageResponse { MessageHandle = "handle-1", Status = MessageStatus.Queued });
            var notifier = new ShippingNotifier(messages.Object, "+16292925296");

            var handle = await notifier.NotifyShippedAsync("+19998887777", "A-42");

            Assert.That(handle, Is.EqualTo("handle-1"));
            messages.Verify(
                m => m.SendAsync(
                    It.Is<SendMessageRequest>(r =>
                        r.Number == "+19998887777"
                        && r.FromNumber == "+16292925296"
                        && r.Content == "Order A-42 has shipped."),
                    It.IsAny<CancellationToken>()),
                Times.Once);
        }

        [Test]
        public void AUsersService_SeesTheSdksTypedErrorsFromTheMock()
        {
            var messages = new Mock<IMessagesClient>();
            messages
                .Setup(m => m.SendAsync(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new SendblueRateLimitException("Sendblue API returned 429 Too Many Requests: slow down", 429, "slow down", null, null, TimeSpan.FromSeconds(5)));
            var notifier = new ShippingNotifier(messages.Object, "+16292925296");

            var ex = Assert.ThrowsAsync<SendblueRateLimitException>(() => notifier.NotifyShippedAsync("+19998887777", "A-42"));
            Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }

        [Test]
        public async Task ISendblueClient_CanBeMockedWholesale()
        {
            var messages = new Mock<IMessagesClient>();
            messages
                .Setup(m => m.GetStatusAsync("handle-1", It.IsAny<CancellationToken>()))
                .ReturnsAsync(new MessageResponse { MessageHandle = "handle-1", Status = MessageStatus.Delivered });
            var client = new Mock<ISendblueClient>();
            client.SetupGet(c => c.Messages).Returns(messages.Object);

            var status = await client.Object.Messages.GetStatusAsync("handle-1");

            Assert.That(status.Status, Is.EqualTo(MessageStatus.Delivered));
        }
    }
}
