using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>
    /// What the tests' raw-socket servers (<see cref="LoopbackServer"/>, Resilience/HostileServer)
    /// share: a listener on 127.0.0.1 and a free port, an accept loop that serves each connection
    /// on its own task, and a dispose that stops listening, closes every connection and waits for
    /// them. A derived server calls <see cref="Start"/> once its own fields are set.
    /// </summary>
    public abstract class RawTcpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<TcpClient> _clients = new();
        private readonly ConcurrentBag<Task> _connections = new();
        private Task _accepting = Task.CompletedTask;
        private int _accepted;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

        /// <summary>Connections accepted so far.</summary>
        public int Accepted => Volatile.Read(ref _accepted);

        /// <summary>Fires when the server is disposed; every wait and write of a connection should end on it.</summary>
        protected CancellationToken Stopping => _stop.Token;

        protected void Start()
        {
            _listener.Start();
            _accepting = Task.Run(AcceptLoopAsync);
        }

        /// <summary>Serves one connection; the base disposes the client afterwards.</summary>
        protected abstract Task ServeAsync(TcpClient client);

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_clients)
            {
                foreach (var client in _clients)
                {
                    client.Dispose();
                }
            }

            try
            {
                await _accepting.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stopping the listener ends the accept loop with an exception; that is the point.
            }

            // Every connection ends once its client is disposed and the stop token fired.
            await Task.WhenAll(_connections.ToArray()).ConfigureAwait(false);
            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref _accepted);
                lock (_clients)
                {
                    _clients.Add(client);
                }

                _connections.Add(Task.Run(() => ServeGuardedAsync(client)));
            }
        }

        private async Task ServeGuardedAsync(TcpClient client)
        {
            try
            {
                using (client)
                {
                    await ServeAsync(client).ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
                // The client went away or the server is stopping; either ends this connection.
            }
        }
    }
}
