using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sendblue;

namespace Sendblue.Tests.Readme
{
    /// <summary>
    /// The code of the README's "Getting started" (with its send, status, list and enum-like
    /// examples), "Errors", "Webhooks" and "Bring your own HttpClient" sections, line for line
    /// (ReadmeExamplesTests holds the README to this file and runs it against the emulator).
    /// </summary>
    internal static class ReadmeStartingExamples
    {
        /// <summary>Getting started and its subsections, with the client built from the environment (the caller sets it).</summary>
        public static async Task<IReadOnlyList<string>> GettingStartedAsync()
        {
            var seen = new List<string>();

            using var client = new SendblueClient(); // from the environment

            MessageResponse sent = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "+19998887777",        // the recipient, E.164
                FromNumber = "+16292925296",    // one of your Sendblue numbers
                Content = "Your table for two is ready.",
                SendStyle = SendStyle.Celebration,                  // optional expressive style
                StatusCallback = "https://example.com/hooks/status", // optional
            });
            Console.WriteLine($"{sent.MessageHandle}: {sent.Status}"); // 5f2b9c3e-...: QUEUED
            seen.Add($"sent {sent.Status}");

            MessageResponse status = await client.Messages.GetStatusAsync(sent.MessageHandle!);
            if (status.Status == MessageStatus.Delivered) { /* ... */ }
            seen.Add($"status {status.Status}");

            MessageRetrieveResponse one = await client.Messages.GetAsync(sent.MessageHandle!);
            Console.WriteLine($"{one.Data?.Service} {one.Data?.DateSent:u}");
            seen.Add($"one {one.Data?.Service}");

            // One page: filters are optional, unset ones are not sent; dates go out as UTC instants.
            MessageListResponse page = await client.Messages.ListAsync(new MessageListQuery
            {
                Number = "+19998887777",
                IsOutbound = true,
                CreatedAtGte = DateTimeOffset.UtcNow.AddDays(-7),
                OrderBy = MessageOrderBy.CreatedAt,
                OrderDirection = SortDirection.Desc,
                Limit = 50, // 1..1000
            });
            Console.WriteLine($"{page.Data?.Count} of {page.Pagination?.Total}");
            seen.Add($"page {page.Data?.Count} of {page.Pagination?.Total}");

            // Every message, page after page, each once.
            await foreach (Message message in client.Messages.ListAllAsync(new MessageListQuery { Status = MessageStatus.Error }))
            {
                Console.WriteLine($"{message.MessageHandle} {message.ErrorMessage}");
                seen.Add($"error {message.ErrorMessage}");
            }

            // Or page by page, when you want the pagination data too.
            await foreach (MessageListResponse p in client.Messages.ListPagesAsync(new MessageListQuery { Limit = 100 }))
            {
                Console.WriteLine($"offset {p.Pagination?.Offset}: {p.Data?.Count} messages");
                seen.Add($"offset {p.Pagination?.Offset}: {p.Data?.Count} messages");
            }

            MessageStatus s = "READ";                  // a status the spec does not list
            Console.WriteLine(s);                      // READ
            Console.WriteLine(s.IsKnown);              // False
            Console.WriteLine(MessageStatus.Delivered == "delivered"); // True: compared ignoring case
            seen.Add($"enum {s} {s.IsKnown} {MessageStatus.Delivered == "delivered"}");

            return seen;
        }

        /// <summary>The "Errors" example: what it caught, or "sent".</summary>
        public static async Task<string> ErrorsAsync(ISendblueClient client, SendMessageRequest request, ILogger logger)
        {
            try
            {
                await client.Messages.SendAsync(request);
            }
            catch (SendblueRateLimitException ex)
            {
                // RetryAfter is what the server asked for (seconds or HTTP date in Retry-After).
                await Task.Delay(ex.RetryAfter ?? TimeSpan.FromSeconds(30));
                return $"rate limited {ex.RetryAfter?.TotalSeconds}";
            }
            catch (SendblueServerException ex)
            {
                logger.LogWarning("Sendblue {Status}: {Error}", ex.StatusCode, ex.ErrorMessage);
                return $"server {ex.StatusCode}";
            }
            catch (SendblueApiException ex)
            {
                // ex.Message: "Sendblue API returned 400 Bad Request: from_number is required"
                return ex.Message;
            }

            return "sent";
        }

        /// <summary>The "Webhooks" example's endpoint, mapped on a test app.</summary>
        public static void MapWebhook(WebApplication app, string webhookSecret, List<MessageContent> received)
        {
            app.MapPost("/hooks/sendblue", async (HttpRequest http) =>
            {
                if (!SendblueWebhook.IsAuthentic(http.Headers["sb-signing-secret"], webhookSecret))
                {
                    return Results.Unauthorized();
                }

                using var reader = new StreamReader(http.Body);
                MessageContent message = SendblueWebhook.Parse(await reader.ReadToEndAsync());
                Console.WriteLine($"{message.MessageHandle} is {message.Status}");
                received.Add(message);
                return Results.Ok();
            });
        }

        /// <summary>The "Bring your own HttpClient" example: the client over a factory client of the app's.</summary>
        public static async Task<int?> BringYourOwnHttpClientAsync(SendblueClientOptions options)
        {
            var services = new ServiceCollection();
            services.AddHttpClient("sendblue")
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
            await using var provider = services.BuildServiceProvider();
            var httpClientFactory = provider.GetRequiredService<IHttpClientFactory>();

            var client = new SendblueClient(options, httpClientFactory.CreateClient("sendblue"));
            using (client)
            {
                return (await client.Lines.GetStateAsync()).Data?.Count;
            }
        }
    }
}
