using System;
using System.Linq;
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
            // One mock of ISendblueClient hands out a mock for every client it has: none needs its own setup.
            var client = new Mock<ISendblueClient> { DefaultValue = DefaultValue.Mock };
            var resources = typeof(ISendblueClient).GetProperties().ToDictionary(p => p.Name, p => p.GetValue(client.Object));
            Mock.Get(client.Object.Messages)
                .Setup(m => m.GetStatusAsync("handle-1", It.IsAny<CancellationToken>()))
                .ReturnsAsync(new MessageResponse { MessageHandle = "handle-1", Status = MessageStatus.Delivered });

            var status = await client.Object.Messages.GetStatusAsync("handle-1");

            Assert.Multiple(() =>
            {
                Assert.That(status.Status, Is.EqualTo(MessageStatus.Delivered));
                Assert.That(resources.Keys, Does.Contain("Messages").And.Contain("Contacts").And.Contain("Webhooks"));
                Assert.That(resources.Where(r => r.Value is not IMocked).Select(r => r.Key), Is.Empty, "clients a wholesale mock of ISendblueClient cannot stand in for");
            });
        }

        [Test]
        public async Task EveryClientOfISendblueClient_IsAnInterface_AUsersServiceCanMock()
        {
            // A service that checks a number before texting it, tested without the network.
            var lookups = new Mock<ILookupsClient>();
            lookups.Setup(l => l.LookupNumberAsync("+19998887777", It.IsAny<CancellationToken>()))
                .ReturnsAsync(new LookupNumberResponse { Number = "+19998887777", Service = MessageService.Sms });
            var contacts = new Mock<IContactsClient>();
            contacts.Setup(c => c.GetAsync("+19998887777", It.IsAny<CancellationToken>()))
                .ReturnsAsync(new ContactResponse { Contact = new Contact { Phone = "+19998887777", FirstName = "Ada" } });
            var client = new Mock<ISendblueClient>();
            client.SetupGet(c => c.Lookups).Returns(lookups.Object);
            client.SetupGet(c => c.Contacts).Returns(contacts.Object);

            var service = (await client.Object.Lookups.LookupNumberAsync("+19998887777")).Service;
            var name = (await client.Object.Contacts.GetAsync("+19998887777")).Contact?.FirstName;

            Assert.Multiple(() =>
            {
                Assert.That(service, Is.EqualTo(MessageService.Sms));
                Assert.That(name, Is.EqualTo("Ada"));
                Assert.That(typeof(ISendblueClient).GetProperties().Select(p => p.PropertyType).All(t => t.IsInterface), Is.True, "every client is an interface");
            });
        }
    }
}
