using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Models
{
    /// <summary>
    /// A known enum value given in another case is stored, printed and sent as its wire value;
    /// a value the spec does not list keeps its text as given.
    /// </summary>
    public class CanonicalEnumTests
    {
        [TestCase("delivered", "DELIVERED")]
        [TestCase("Delivered", "DELIVERED")]
        [TestCase("DELIVERED", "DELIVERED")]
        [TestCase("read", "read")]
        [TestCase("Read", "Read")]
        public void AStatus_IsStoredAsItsWireValue_WhenKnown(string given, string stored)
        {
            Assert.That(new MessageStatus(given).ToString(), Is.EqualTo(stored));
        }

        [TestCase("IMESSAGE", "iMessage")]
        [TestCase("sms", "SMS")]
        [TestCase("rcs", "RCS")]
        public void AServiceInAnotherCase_IsItsWireValue(string given, string wire)
        {
            MessageService service = given;
            Assert.Multiple(() =>
            {
                Assert.That(service.ToString(), Is.EqualTo(wire));
                Assert.That(service.IsKnown, Is.True);
            });
        }

        [Test]
        public void ReadFromABody_AKnownValueInAnotherCase_IsTheWireValue()
        {
            var message = JsonConvert.DeserializeObject<Message>("""{"status":"delivered","service":"imessage","send_style":"SHOOTING_STAR"}""")!;

            Assert.Multiple(() =>
            {
                Assert.That(message.Status.ToString(), Is.EqualTo("DELIVERED"));
                Assert.That(message.Service.ToString(), Is.EqualTo("iMessage"));
                Assert.That(message.SendStyle.ToString(), Is.EqualTo("shooting_star"));
            });
        }

        [Test]
        public async Task SentInAnotherCase_ItGoesOnTheWireAsTheWireValue()
        {
            var http = MockHttp.Returning(Payloads.Page(0, 0, 100, false));
            using var client = http.CreateClient();

            await client.Messages.ListAsync(new MessageListQuery { Status = "delivered", Service = "sms", OrderDirection = "DESC" });

            Assert.That(http.Single.Uri.Query, Is.EqualTo("?order_direction=desc&service=SMS&status=DELIVERED"));
        }

        [Test]
        public async Task ASendStyleInAnotherCase_IsSentAsTheWireValue()
        {
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient();
            var request = Operations.NewRequest();
            request.SendStyle = "Celebration";

            await client.Messages.SendAsync(request);

            Assert.That(http.Single.Body, Does.EndWith(""","send_style":"celebration"}"""));
        }
    }
}
