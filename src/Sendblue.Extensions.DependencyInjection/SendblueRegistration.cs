using System;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sendblue.Extensions.DependencyInjection
{
    /// <summary>
    /// Marks a service collection in which AddSendblue registered the clients, so a second call does
    /// not register them twice; and remembers what it has logged once.
    /// </summary>
    internal sealed class SendblueRegistration
    {
        private int _toldAboutRetries;

        /// <summary>
        /// Logs, once per application (the factory rebuilds handlers every few minutes), that a
        /// retry handler of the application's defaults was left out of the Sendblue client.
        /// </summary>
        public void ToldOnce(IServiceProvider provider, Type handler)
        {
            if (Interlocked.Exchange(ref _toldAboutRetries, 1) == 0)
            {
                provider.GetService<ILoggerFactory>()?.CreateLogger("Sendblue").LogInformation(
                    "Left {Handler} out of the \"Sendblue\" HTTP client: the SDK retries what is safe to retry, and a second retry layer would send a message again after a 5xx or a timeout.",
                    handler.Name);
            }
        }
    }
}
