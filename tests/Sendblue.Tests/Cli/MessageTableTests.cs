using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Sendblue.Cli.Output;
using Spectre.Console;

namespace Sendblue.Tests.Cli
{
    /// <summary>Tables fit the console: narrower layouts instead of a collapsed or shredded table.</summary>
    public class MessageTableTests
    {
        private static readonly Message[] Conversation =
        {
            new() { MessageHandle = "5f2b9c3e-0a1d-4b8e-9f6a-2c7d8e9f0a1b", IsOutbound = true, FromNumber = "+15555550100", ToNumber = "+15555550101", Number = "+15555550101", Service = MessageService.IMessage, Status = MessageStatus.Delivered, SendStyle = SendStyle.ShootingStar, Content = "Your table for two is ready at 7pm.", DateSent = DateTimeOffset.UtcNow },
            new() { MessageHandle = "6a3c0d4f-1b2e-4c9f-8a7b-3d8e9f0a1b2c", IsOutbound = false, FromNumber = "+15555550101", ToNumber = "+15555550100", Number = "+15555550101", Service = MessageService.IMessage, Status = MessageStatus.Received, Content = "Perfect, see you then!", DateSent = DateTimeOffset.UtcNow },
        };

        [TestCase(60)]
        [TestCase(80)]
        [TestCase(100)]
        [TestCase(160)]
        public void Conversation_FitsTheWidth_WithNumbersWhole(int width)
        {
            var (console, output) = Console(width);

            console.Write(MessageTable.Conversation(Conversation, console));

            AssertFits(output.ToString(), width, "+15555550101");
        }

        [TestCase(60)]
        [TestCase(80)]
        [TestCase(160)]
        public void Listing_FitsTheWidth_WithHandlesWhole(int width)
        {
            var (console, output) = Console(width);

            console.Write(MessageTable.Listing(Conversation, console));

            AssertFits(output.ToString(), width, Conversation[0].MessageHandle!);
        }

        [Test]
        public void Conversation_OnAWideConsole_HasEveryColumn()
        {
            var (console, output) = Console(160);

            console.Write(MessageTable.Conversation(Conversation, console));

            var header = output.ToString().Split('\n')[1];
            Assert.That(header, Does.Contain("Time").And.Contain("Dir").And.Contain("From").And.Contain("To")
                .And.Contain("Service").And.Contain("Status").And.Contain("Style").And.Contain("Content"));
        }

        [Test]
        public void Content_IsText_NotMarkup()
        {
            var (console, output) = Console(160);
            var message = new Message { IsOutbound = true, Status = MessageStatus.Sent, Content = "[red]not markup[/] [" };

            console.Write(MessageTable.Listing(new[] { message }, console));

            Assert.That(output.ToString(), Does.Contain("[red]not markup[/] ["));
        }

        private static void AssertFits(string table, int width, string whole)
        {
            var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(lines.Max(l => l.Length), Is.LessThanOrEqualTo(width), table);
                Assert.That(lines, Has.Count.GreaterThanOrEqualTo(5), "a table, not an ellipsis: " + table);
                Assert.That(table, Does.Contain(whole), table);
            });
        }

        private static (IAnsiConsole Console, StringWriter Output) Console(int width)
        {
            var output = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
            });
            console.Profile.Width = width;
            return (console, output);
        }
    }
}
