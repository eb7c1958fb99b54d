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

        public static async Task<KestrelApp> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = Array.Empty<string>(),
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
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

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
