using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sendblue;
using Sendblue.Extensions.DependencyInjection;
using Sendblue.Http;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>
    /// Registers the Sendblue SDK: <see cref="SendblueClientOptions"/> bound and validated at start,
    /// <see cref="ISendblueClient"/> and each of its resource clients (<see cref="IMessagesClient"/>, ...)
    /// over a named <see cref="IHttpClientFactory"/> client whose handlers are the SDK's own steps
    /// (errors, retries, redirects, per-attempt timeout, credentials sent only to the base URL) over
    /// the SDK's socket transport.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddSendblue(builder.Configuration.GetSection("Sendblue"));
    /// // then inject IMessagesClient (or ISendblueClient) where you send
    /// </code>
    /// </example>
    public static class SendblueServiceCollectionExtensions
    {
        /// <summary>The name of the <see cref="IHttpClientFactory"/> client the SDK's calls go through.</summary>
        public const string HttpClientName = "Sendblue";

        /// <summary>
        /// Registers the SDK with options bound from <paramref name="configuration"/> (keys
        /// <c>ApiKey</c>, <c>ApiSecret</c>, <c>BaseUrl</c>, <c>Timeout</c>, <c>MaxRetries</c>), on top of
        /// the environment variables the options read by default.
        /// </summary>
        /// <param name="services">The application's services.</param>
        /// <param name="configuration">The section holding the options, such as <c>configuration.GetSection("Sendblue")</c>.</param>
        /// <returns>The builder of the factory client, to add handlers of yours (they run inside the SDK's steps, once per attempt).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
        public static IHttpClientBuilder AddSendblue(this IServiceCollection services, IConfiguration configuration)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            services.AddOptions<SendblueClientOptions>().Bind(configuration);
            var section = (configuration as IConfigurationSection)?.Path;
            return Register(services, new SendblueOptionsValidator(string.IsNullOrEmpty(section) ? null : section));
        }

        /// <summary>Registers the SDK with options set in code, on top of the environment variables the options read by default.</summary>
        /// <param name="services">The application's services.</param>
        /// <param name="configure">Sets the options, such as <c>o =&gt; { o.ApiKey = ...; o.ApiSecret = ...; }</c>.</param>
        /// <returns>The builder of the factory client, to add handlers of yours (they run inside the SDK's steps, once per attempt).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
        public static IHttpClientBuilder AddSendblue(this IServiceCollection services, Action<SendblueClientOptions> configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            services.AddOptions<SendblueClientOptions>().Configure(configure);
            return Register(services, new SendblueOptionsValidator(section: null));
        }

        private static IHttpClientBuilder Register(IServiceCollection services, SendblueOptionsValidator validator)
        {
            var builder = services.AddHttpClient(HttpClientName);
            if (services.Any(d => d.ServiceType == typeof(SendblueRegistration)))
            {
                // A second AddSendblue adds its options on top; the client is registered once.
                return builder;
            }

            services.AddSingleton<SendblueRegistration>();
            services.AddSingleton<IValidateOptions<SendblueClientOptions>>(validator);
            services.AddOptions<SendblueClientOptions>()
                .PostConfigure<ILoggerFactory>((options, loggers) =>
                {
                    options.LoggerFactory ??= loggers;
                    KeepEnvironmentUnderBlanks(options);
                })
                .ValidateOnStart();

            builder
                .ConfigurePrimaryHttpMessageHandler(SendbluePipeline.CreateTransport)
                .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
                {
                    // Outermost, ahead of anything added to the builder: a handler of the user's then
                    // sees every attempt (and each redirect hop) with the SDK's safety around it.
                    var settings = provider.GetRequiredService<IOptions<SendblueClientOptions>>().Value.Validated();
                    LeaveOutOtherRetries(handlers, provider);
                    var steps = SendbluePipeline.CreateSteps(settings, retriesAndRedirects: true);
                    for (var i = 0; i < steps.Count; i++)
                    {
                        handlers.Insert(i, steps[i]);
                    }
                })
                // The per-attempt timeout is the SDK's; HttpClient's own would span every attempt.
                .ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
                // The factory's own log lines show the whole URI, query values (phone numbers) included
                // on Microsoft.Extensions.Http 8, and repeat what the SDK logs per attempt with the query
                // values left out: they are off. Whoever turns them back on (AddDefaultLogger) gets the
                // credential headers redacted (version 8 prints header values at Trace otherwise).
                .RemoveAllLoggers()
                .RedactLoggedHeaders(new[] { CredentialHandler.KeyHeader, CredentialHandler.SecretHeader });

            services.TryAddTransient<ISendblueClient>(CreateClient);

            foreach (var property in ResourceClients())
            {
                // From a client of their own, not a resolved ISendblueClient: the container keeps
                // every disposable transient it hands out until its scope ends, so each resource
                // client resolved from the root would otherwise keep a SendblueClient until shutdown.
                services.TryAdd(ServiceDescriptor.Transient(
                    property.PropertyType,
                    provider => property.GetValue(CreateClient(provider))
                        ?? throw new InvalidOperationException($"{nameof(ISendblueClient)}.{property.Name} returned null.")));
            }

            return builder;
        }

        private static SendblueClient CreateClient(IServiceProvider provider) => SendblueClient.OverPipeline(
            provider.GetRequiredService<IOptions<SendblueClientOptions>>().Value,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName));

        /// <summary>
        /// A configuration key present but empty (<c>"ApiKey": ""</c> in an appsettings template) binds
        /// over the environment variable the options read by default; blank is not a value, so the
        /// environment's stays.
        /// </summary>
        private static void KeepEnvironmentUnderBlanks(SendblueClientOptions options)
        {
            if (!string.IsNullOrWhiteSpace(options.ApiKey) && !string.IsNullOrWhiteSpace(options.ApiSecret) && options.BaseUrl is { IsAbsoluteUri: true })
            {
                return;
            }

            var environment = new SendblueClientOptions();
            if (string.IsNullOrWhiteSpace(options.ApiKey))
            {
                options.ApiKey = environment.ApiKey;
            }

            if (string.IsNullOrWhiteSpace(options.ApiSecret))
            {
                options.ApiSecret = environment.ApiSecret;
            }

            if (options.BaseUrl is null || (!options.BaseUrl.IsAbsoluteUri && options.BaseUrl.OriginalString.Trim().Length == 0))
            {
                options.BaseUrl = environment.BaseUrl;
            }
        }

        // The types of Microsoft.Extensions.Http.Resilience and Microsoft.Extensions.Http.Polly, by
        // name: the SDK takes no dependency on either.
        private static readonly string[] RetryHandlerTypes =
        {
            "Microsoft.Extensions.Http.Resilience.ResilienceHandler",
            "Microsoft.Extensions.Http.PolicyHttpMessageHandler",
        };

        /// <summary>
        /// Takes out the resilience handlers every client gets from <c>ConfigureHttpClientDefaults</c>
        /// (.NET Aspire's <c>AddServiceDefaults</c> adds <c>AddStandardResilienceHandler</c>): inside
        /// the SDK's steps they would retry a send after a 5xx or a timeout, and deliver it twice.
        /// The SDK's own step retries what is safe to retry.
        /// </summary>
        private static void LeaveOutOtherRetries(IList<DelegatingHandler> handlers, IServiceProvider provider)
        {
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                var type = handlers[i].GetType();
                if (RetryHandlerTypes.Any(name => IsOrDerivesFrom(type, name)))
                {
                    provider.GetRequiredService<SendblueRegistration>().ToldOnce(provider, type);
                    handlers.RemoveAt(i);
                }
            }
        }

        private static bool IsOrDerivesFrom(Type? type, string fullName)
        {
            for (; type is not null; type = type.BaseType)
            {
                if (type.FullName == fullName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Every property of <see cref="ISendblueClient"/> (and the interfaces it extends) whose type
        /// is an interface: the resource clients, <c>Messages</c> and whatever the spec adds.
        /// </summary>
        internal static IReadOnlyList<PropertyInfo> ResourceClients() =>
            new[] { typeof(ISendblueClient) }
                .Concat(typeof(ISendblueClient).GetInterfaces())
                .SelectMany(type => type.GetProperties())
                .Where(property => property.PropertyType.IsInterface && property.GetIndexParameters().Length == 0)
                .ToList();
    }
}
