using System;
using NUnit.Framework;

namespace Sendblue.Tests.Webhooks
{
    /// <summary>Checking the <c>sb-signing-secret</c> header of a webhook request.</summary>
    public class SendblueWebhookIsAuthenticTests
    {
        private const string Secret = "whsec_9f8e7d6c5b4a";

        [Test]
        public void HeaderName_IsTheOneSendblueSets()
        {
            Assert.That(SendblueWebhook.SigningSecretHeader, Is.EqualTo("sb-signing-secret"));
        }

        [Test]
        public void SameSecret_IsAuthentic()
        {
            Assert.That(SendblueWebhook.IsAuthentic(Secret, Secret), Is.True);
        }

        [Test]
        public void SameSecret_InADifferentStringInstance_IsAuthentic()
        {
            var fromHeader = new string(Secret.ToCharArray());

            Assert.That(SendblueWebhook.IsAuthentic(fromHeader, Secret), Is.True);
        }

        [Test]
        public void NonAsciiSecret_IsComparedWhole()
        {
            Assert.Multiple(() =>
            {
                Assert.That(SendblueWebhook.IsAuthentic("sécret-ü-密钥", "sécret-ü-密钥"), Is.True);
                Assert.That(SendblueWebhook.IsAuthentic("secret-u-密钥", "sécret-ü-密钥"), Is.False);
            });
        }

        [TestCase("whsec_9f8e7d6c5b4b", TestName = "{m}(last character differs)")]
        [TestCase("Whsec_9f8e7d6c5b4a", TestName = "{m}(first character differs)")]
        [TestCase("WHSEC_9F8E7D6C5B4A", TestName = "{m}(different case)")]
        [TestCase("whsec_9f8e7d6c5b4", TestName = "{m}(a prefix)")]
        [TestCase("whsec_9f8e7d6c5b4a0", TestName = "{m}(longer)")]
        [TestCase(" whsec_9f8e7d6c5b4a", TestName = "{m}(leading space)")]
        [TestCase("whsec_9f8e7d6c5b4a ", TestName = "{m}(trailing space)")]
        [TestCase("", TestName = "{m}(empty)")]
        [TestCase("x", TestName = "{m}(one character)")]
        public void OtherHeaderValue_IsNotAuthentic(string header)
        {
            Assert.That(SendblueWebhook.IsAuthentic(header, Secret), Is.False);
        }

        [Test]
        public void MissingHeader_IsNotAuthentic()
        {
            Assert.That(SendblueWebhook.IsAuthentic(null, Secret), Is.False);
        }

        [TestCase("whsec_9f8e7d6c5b4a\n")]
        [TestCase("  whsec_9f8e7d6c5b4a\r\n")]
        public void AnExpectedSecretWithSurroundingWhiteSpace_MatchesTheHeaderWithout(string expected)
        {
            // As read from a file or a Kubernetes secret: the newline is not part of the secret.
            Assert.That(SendblueWebhook.IsAuthentic("whsec_9f8e7d6c5b4a", expected), Is.True);
        }

        [TestCase("")]
        [TestCase("   ")]
        [TestCase(null)]
        public void NoExpectedSecret_ThrowsArgumentException_RatherThanPassingAnything(string? expected)
        {
            var ex = Assert.Throws<ArgumentException>(() => SendblueWebhook.IsAuthentic("anything", expected!))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.ParamName, Is.EqualTo("expectedSecret"));
                Assert.That(ex.Message, Does.StartWith("The expected webhook secret is empty"));
            });
        }

        [Test]
        public void NoExpectedSecret_ThrowsEvenWhenTheHeaderIsMissingOrEmpty()
        {
            Assert.Multiple(() =>
            {
                Assert.That(() => SendblueWebhook.IsAuthentic(null, string.Empty), Throws.ArgumentException);
                Assert.That(() => SendblueWebhook.IsAuthentic(string.Empty, string.Empty), Throws.ArgumentException);
            });
        }
    }
}
