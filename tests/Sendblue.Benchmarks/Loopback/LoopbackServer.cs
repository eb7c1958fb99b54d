using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sendblue.Benchmarks.Workload;

namespace Sendblue.Benchmarks.Loopback
{
    /// <summary>
    /// The canned API of the loopback comparison: Kestrel on 127.0.0.1 answering every client with
    /// the same precomputed bytes (<see cref="Canned"/>), so the clients differ and the server does
    /// not. Prints its base URL on the first line, then serves until its standard input closes.
    /// </summary>
    public static class LoopbackServer
    {
        private static byte[][] Pages(int total)
        {
            var pages = new byte[(total + Canned.PageSize - 1) / Canned.PageSize][];
            for (var p = 0; p < pages.Length; p++)
            {
                pages[p] = Encoding.UTF8.GetBytes(Canned.Page(p * Canned.PageSize, Canned.PageSize, total));
            }

            return pages;
        }

        public static async Task<int> RunAsync(string[] args)
        {
            var total = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            var pages = Pages(total);

            var empty = Encoding.UTF8.GetBytes(Canned.Page(total, Canned.PageSize, total));
            var accounts = new System.Collections.Concurrent.ConcurrentDictionary<int, (byte[][], byte[])>();
            (byte[][] Pages, byte[] Empty) Account(int n) => accounts.GetOrAdd(n, size => (Pages(size), Encoding.UTF8.GetBytes(Canned.Page(size, Canned.PageSize, size))));
            var sent = Encoding.UTF8.GetBytes(Canned.MessageResponse(1, "QUEUED"));
            var status = Encoding.UTF8.GetBytes(Canned.MessageResponse(1, "DELIVERED"));
            var retrieve = Encoding.UTF8.GetBytes(Canned.Retrieve(1));
            var unauthorized = Encoding.UTF8.GetBytes("{\"status\":\"ERROR\",\"error_message\":\"Unauthorized\"}");

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o =>
            {
                o.Listen(IPAddress.Loopback, 0);
                o.AddServerHeader = false;
            });
            await using var app = builder.Build();

            app.Run(async context =>
            {
                var request = context.Request;
                var response = context.Response;
                byte[] body;
                if (request.Headers["sb-api-key-id"] != Canned.ApiKey || request.Headers["sb-api-secret-key"] != Canned.ApiSecret)
                {
                    response.StatusCode = 401;
                    body = unauthorized;
                }
                else
                {
                    var path = request.Path.Value ?? string.Empty;
                    var account = pages;
                    var accountEmpty = empty;
                    if (path.StartsWith("/n", StringComparison.Ordinal) && path.IndexOf('/', 1) is var slash && slash > 2
                        && int.TryParse(path.AsSpan(2, slash - 2), out var smallTotal))
                    {
                        // A base URL of http://127.0.0.1:port/n10000/ is an account of 10,000 messages
                        // (the memory check walks two sizes against one server).
                        (account, accountEmpty) = Account(smallTotal);
                        path = path.Substring(slash);
                    }

                    if (path == "/api/send-message")
                    {
                        await request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
                        body = sent;
                    }
                    else if (path == "/api/status")
                    {
                        body = status;
                    }
                    else if (path == "/api/v2/messages")
                    {
                        var offset = int.TryParse(request.Query["offset"], out var o) ? o : 0;
                        var index = offset / Canned.PageSize;
                        body = offset % Canned.PageSize == 0 && index < account.Length ? account[index] : accountEmpty;
                    }
                    else if (path.StartsWith("/api/v2/messages/", StringComparison.Ordinal))
                    {
                        body = retrieve;
                    }
                    else
                    {
                        response.StatusCode = 404;
                        body = unauthorized;
                    }
                }

                response.ContentType = "application/json; charset=utf-8";
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body).ConfigureAwait(false);
            });

            await app.StartAsync().ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Console.WriteLine(address);
            Console.Out.Flush();

            // Serve until whoever started us closes our standard input (or ends us).
            await Task.Run(() => Console.In.ReadToEnd()).ConfigureAwait(false);
            await app.StopAsync().ConfigureAwait(false);
            return 0;
        }
    }
}
