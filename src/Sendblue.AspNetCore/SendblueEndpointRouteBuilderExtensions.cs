using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sendblue;
using Sendblue.AspNetCore;

namespace Microsoft.AspNetCore.Builder
{
    /// <summary>
    /// Maps an endpoint that receives the webhooks Sendblue POSTs (status callbacks and inbound
    /// messages): it checks <c>sb-signing-secret</c> in constant time and answers 401 when it is
    /// missing or wrong, reads the body with <see cref="SendblueWebhook.Parse"/> and answers 400
    /// with the reason when it is not a message, and otherwise hands the message to your handler
    /// and answers 200.
    /// </summary>
    /// <example>
    /// <code>
    /// app.MapSendblueWebhook("/hooks/sendblue", (MessageContent message) =>
    ///     Console.WriteLine($"{message.MessageHandle} is {message.Status}"));
    /// </code>
    /// </example>
    public static class SendblueEndpointRouteBuilderExtensions
    {
        /// <summary>Maps a POST endpoint at <paramref name="pattern"/> that passes each authentic webhook to <paramref name="handler"/>.</summary>
        /// <param name="endpoints">The application (or a route group).</param>
        /// <param name="pattern">The route, such as <c>/hooks/sendblue</c>.</param>
        /// <param name="handler">Gets the parsed message once the secret checked out.</param>
        /// <returns>The endpoint's builder, for conventions such as <c>RequireHost</c>.</returns>
        /// <exception cref="InvalidOperationException">No webhook secret is configured (see <see cref="SendblueWebhookOptions"/>).</exception>
        public static IEndpointConventionBuilder MapSendblueWebhook(this IEndpointRouteBuilder endpoints, string pattern, Func<MessageContent, Task> handler)
        {
            if (handler is null)
            {
                throw new ArgumentNullException(nameof(handler));
            }

            return Map(endpoints, pattern, (message, _) => handler(message));
        }

        /// <summary>Maps a POST endpoint at <paramref name="pattern"/> that passes each authentic webhook to <paramref name="handler"/>.</summary>
        /// <param name="endpoints">The application (or a route group).</param>
        /// <param name="pattern">The route, such as <c>/hooks/sendblue</c>.</param>
        /// <param name="handler">Gets the parsed message once the secret checked out.</param>
        /// <returns>The endpoint's builder, for conventions such as <c>RequireHost</c>.</returns>
        /// <exception cref="InvalidOperationException">No webhook secret is configured (see <see cref="SendblueWebhookOptions"/>).</exception>
        public static IEndpointConventionBuilder MapSendblueWebhook(this IEndpointRouteBuilder endpoints, string pattern, Action<MessageContent> handler)
        {
            if (handler is null)
            {
                throw new ArgumentNullException(nameof(handler));
            }

            return Map(endpoints, pattern, (message, _) =>
            {
                handler(message);
                return Task.CompletedTask;
            });
        }

        /// <summary>
        /// Maps a POST endpoint at <paramref name="pattern"/> that passes each authentic webhook to
        /// <paramref name="handler"/> with its <see cref="HttpContext"/> (request services,
        /// <c>RequestAborted</c>).
        /// </summary>
        /// <param name="endpoints">The application (or a route group).</param>
        /// <param name="pattern">The route, such as <c>/hooks/sendblue</c>.</param>
        /// <param name="handler">Gets the parsed message and the request once the secret checked out.</param>
        /// <returns>The endpoint's builder, for conventions such as <c>RequireHost</c>.</returns>
        /// <exception cref="InvalidOperationException">No webhook secret is configured (see <see cref="SendblueWebhookOptions"/>).</exception>
        public static IEndpointConventionBuilder MapSendblueWebhook(this IEndpointRouteBuilder endpoints, string pattern, Func<MessageContent, HttpContext, Task> handler)
        {
            if (handler is null)
            {
                throw new ArgumentNullException(nameof(handler));
            }

            return Map(endpoints, pattern, handler);
        }

        private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Func<MessageContent, HttpContext, Task> handler)
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            if (pattern is null)
            {
                throw new ArgumentNullException(nameof(pattern));
            }

            // Read once, when the endpoint is mapped: a missing secret stops the application at
            // start, not at the first webhook.
            var secret = SecretOf(endpoints.ServiceProvider, pattern);
            var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(SendblueWebhook).FullName!)
                ?? NullLogger.Instance;

            return endpoints.MapPost(pattern, async context =>
            {
                var header = context.Request.Headers[SendblueWebhook.SigningSecretHeader];
                if (!SendblueWebhook.IsAuthentic(header.Count == 1 ? header[0] : null, secret))
                {
                    WebhookLog.Unauthentic(logger, context.Request.Path, header.Count == 0 ? "no" : "a wrong", null);
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                string body;
                using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
                {
                    body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                }

                MessageContent message;
                try
                {
                    message = SendblueWebhook.Parse(body);
                }
                catch (SendblueException ex)
                {
                    WebhookLog.NotAMessage(logger, context.Request.Path, ex.Message, null);
                    await Results.Problem(title: "Not a Sendblue message", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest)
                        .ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }

                await handler(message, context).ConfigureAwait(false);
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status200OK;
                }
            });
        }

        private static string SecretOf(IServiceProvider services, string pattern)
        {
            var secret = services.GetService<IOptions<SendblueWebhookOptions>>()?.Value.WebhookSecret;
            if (string.IsNullOrWhiteSpace(secret))
            {
                secret = services.GetService<IConfiguration>()?[SendblueWebhookOptions.WebhookSecretConfigurationKey];
            }

            if (string.IsNullOrWhiteSpace(secret))
            {
                throw new InvalidOperationException(
                    $"MapSendblueWebhook(\"{pattern}\") needs the webhook secret you set in the Sendblue dashboard: set the configuration key {SendblueWebhookOptions.WebhookSecretConfigurationKey} "
                    + $"(environment variable Sendblue__WebhookSecret), or {nameof(SendblueWebhookOptions)}.{nameof(SendblueWebhookOptions.WebhookSecret)} with services.Configure<{nameof(SendblueWebhookOptions)}>(...).");
            }

            return secret!;
        }

        private static class WebhookLog
        {
            public static readonly Action<ILogger, PathString, string, Exception?> Unauthentic = LoggerMessage.Define<PathString, string>(
                LogLevel.Warning,
                new EventId(1, "WebhookUnauthentic"),
                "Sendblue webhook {Path}: answered 401 to a request with {Which} sb-signing-secret header");

            public static readonly Action<ILogger, PathString, string, Exception?> NotAMessage = LoggerMessage.Define<PathString, string>(
                LogLevel.Warning,
                new EventId(2, "WebhookNotAMessage"),
                "Sendblue webhook {Path}: answered 400 to a body that is not a message: {Reason}");
        }
    }
}
