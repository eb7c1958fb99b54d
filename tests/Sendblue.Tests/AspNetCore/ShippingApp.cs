using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sendblue.Tests.AspNetCore
{
    /// <summary>
    /// The sample application of the README's hosting sections, as a user writes it: the SDK
    /// registered with AddSendblue, a send from an endpoint through the injected IMessagesClient,
    /// and the status callbacks and inbound messages received with MapSendblueWebhook.
    /// </summary>
    public static class ShippingApp
    {
        public const string OurNumber = "+16292925296";

        public static void AddServices(WebApplicationBuilder builder)
        {
            // appsettings.json: { "Sendblue": { "ApiKey": "...", "ApiSecret": "...", "WebhookSecret": "..." } }
            builder.Services.AddSendblue(builder.Configuration.GetSection("Sendblue"));
            builder.Services.AddSingleton<Inbox>();
        }

        public static void MapEndpoints(WebApplication app)
        {
            app.MapPost("/orders/{orderId}/ship", async (string orderId, ShipRequest ship, IMessagesClient messages, HttpRequest request) =>
            {
                MessageResponse sent = await messages.SendAsync(new SendMessageRequest
                {
                    Number = ship.Phone,
                    FromNumber = OurNumber,
                    Content = $"Order {orderId} has shipped.",
                    StatusCallback = $"{request.Scheme}://{request.Host}/hooks/sendblue",
                });
                return Results.Ok(new { sent.MessageHandle });
            });

            app.MapGet("/messages/{handle}/status", async (string handle, IMessagesClient messages) =>
                (await messages.GetStatusAsync(handle)).Status?.ToString());

            var inbox = app.Services.GetRequiredService<Inbox>();
            app.MapSendblueWebhook("/hooks/sendblue", (MessageContent message) => inbox.Add(message));
        }
    }

    /// <summary>The body of the sample's ship endpoint.</summary>
    public sealed record ShipRequest(string Phone);

    /// <summary>What the sample's webhook received, in order.</summary>
    public sealed class Inbox
    {
        private readonly ConcurrentQueue<MessageContent> _messages = new();

        public IReadOnlyList<MessageContent> Messages => _messages.ToArray();

        public void Add(MessageContent message) => _messages.Enqueue(message);
    }
}
