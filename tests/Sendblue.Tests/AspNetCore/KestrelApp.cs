using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sendblue.Tests.AspNetCore
{
    /// <summary>An ASP.NET Core application on a real Kestrel server at 127.0.0.1 and a free port, as a user's app runs.</summary>
    internal sealed class KestrelApp : IAsyncDisposable
    {
        private KestrelApp(WebApplication app, Uri baseUrl)
        {
            App = app;
            BaseUrl = baseUrl;
            Http = new HttpClient { BaseAddress = baseUrl };
        }

        public WebApplication App { get; }

        /// <summary>Such as <c>http://127.0.0.1:41234/</c>.</summary>
        public Uri BaseUrl { get; }

        /// <summary>A plain client for the app (not the SDK).</summary>
        public HttpClient Http { get; }

        /// <param name="configure">Services and configuration of the app.</param>
        /// <param name="map">Its endpoints.</param>
        /// <param name="port">0 for a free port chosen by the OS.</param>
        public static async Task<KestrelApp> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map, int port = 0)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = Array.Empty<string>(),
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            configure(builder);
            var app = builder.Build();
            try
            {
                map(app);
                await app.StartAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new KestrelApp(app, new Uri(address.TrimEnd('/') + "/"));
        }

        /// <summary>
        /// A port nothing listens on right now, for an app whose address must be known before it
        /// starts (the emulator posts webhooks to it and the app calls the emulator).
        /// </summary>
        public static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
