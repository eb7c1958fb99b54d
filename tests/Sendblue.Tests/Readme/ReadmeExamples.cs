using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Sendblue.Tests.Readme
{
    /// <summary>
    /// The code of the README's "The rest of the API" and "Per-call options" sections, line for
    /// line (ReadmeExamplesTests holds the README to this file and runs it against the emulator).
    /// </summary>
    internal static class ReadmeExamples
    {
        public static async Task<IReadOnlyList<string>> RunAsync(ISendblueClient client, string inboundHandle)
        {
            var seen = new List<string>();

            // Messages: an inline reply, sent on behalf of a seat.
            MessageResponse reply = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "+19998887777",
                FromNumber = "+16292925296",
                Content = "Yes, 7pm works.",
                ReplyTo = new ReplyTo { MessageHandle = inboundHandle, PartIndex = 0 },
                SeatId = "seat-ana",
            });
            seen.Add($"reply to {reply.ReplyTo?.MessageHandle} by {reply.SenderEmail}");

            // Groups: a new group from numbers, or an existing one by GroupId.
            MessageResponse group = await client.Groups.SendMessageAsync(new SendGroupMessageRequest
            {
                Numbers = new List<string> { "+19998887777", "+15555550123" },
                FromNumber = "+16292925296",
                Content = "Dinner at 7?",
            });
            seen.Add($"group {group.MessageType}");

            // Typing indicators: start (or stop) the dots on the recipient's screen.
            SendTypingIndicatorResponse typing = await client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest
            {
                Number = "+19998887777",
                FromNumber = "+16292925296",
                State = TypingIndicatorState.Start,
            });
            seen.Add($"typing {typing.Status}");

            // Media objects: upload by URL once, then refer to it.
            UploadMediaObjectResponse media = await client.MediaObjects.UploadAsync(new UploadMediaObjectRequest { MediaUrl = "https://example.com/menu.pdf" });
            seen.Add($"media {media.MediaObjectId is not null}");

            // Lookups: does the number have iMessage?
            LookupNumberResponse lookup = await client.Lookups.LookupNumberAsync("+19998887777");
            seen.Add($"lookup {lookup.Service}");

            // Contacts: create, read, and walk them all.
            await client.Contacts.CreateAsync(new CreateContactRequest { Number = "+19998887777", FirstName = "Ada", Tags = new List<string> { "vip" } });
            ContactResponse ada = await client.Contacts.GetAsync("+19998887777");
            seen.Add($"contact {ada.Contact?.FirstName}");
            await foreach (Contact contact in client.Contacts.ListAllAsync(new ContactListQuery { Limit = 100 }))
            {
                seen.Add($"listed {contact.Phone}");
            }

            // Webhooks: add a receive webhook with its own secret (or just a URL), then list them.
            await client.Webhooks.CreateAsync(new CreateWebhooksRequest
            {
                Type = WebhookType.Receive,
                Webhooks = new List<WebhookEntry> { new WebhookEntry { Url = "https://example.com/hooks/inbound", Secret = "whsec-inbound" } },
            });
            WebhooksResponse hooks = await client.Webhooks.ListAsync();
            seen.Add($"webhooks {hooks.Webhooks?.Receive?.Count}");

            // Lines: the state of your Sendblue numbers.
            LineStateResponse lines = await client.Lines.GetStateAsync();
            seen.Add($"lines {lines.Data?.Count}");

            return seen;
        }

        public static async Task<string> PerCallOptionsAsync(ISendblueClient client, SendMessageRequest request)
        {
            var options = new SendblueRequestOptions { Timeout = TimeSpan.FromSeconds(5), MaxRetries = 0 };
            options.Headers["x-correlation-id"] = "order-A-42";
            MessageResponse sent = await client.Messages.SendAsync(request, options);
            Console.WriteLine($"{options.RawResponse?.StatusCode} {options.RawResponse?.Header("x-request-id")}");
            return $"{sent.Status} {options.RawResponse?.StatusCode}";
        }
    }
}
