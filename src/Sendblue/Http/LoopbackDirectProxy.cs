#if NET5_0_OR_GREATER
using System;
using System.Net;
using System.Net.Http;

namespace Sendblue.Http
{
    /// <summary>
    /// The machine's proxy (<see cref="HttpClient.DefaultProxy"/>: <c>http_proxy</c>, <c>HTTPS_PROXY</c>,
    /// <c>NO_PROXY</c>, or the system's settings), except for loopback addresses, which are always
    /// reached directly: a proxy elsewhere cannot reach this machine's 127.0.0.1, so a local server
    /// (the <c>Sendblue.Testing</c> emulator, a test's fake) would be unreachable through it.
    /// </summary>
    internal sealed class LoopbackDirectProxy : IWebProxy
    {
        public static readonly LoopbackDirectProxy Instance = new();

        private LoopbackDirectProxy()
        {
        }

        // Read on each use, so that a proxy the application sets later is the one new connections use.
        private static IWebProxy Machine => HttpClient.DefaultProxy;

        private ICredentials? _credentials;

        // Credentials set here stay here: the machine's proxy, which every HttpClient of the process shares, is not changed.
        public ICredentials? Credentials
        {
            get => _credentials ?? Machine.Credentials;
            set => _credentials = value;
        }

        public Uri? GetProxy(Uri destination) => destination.IsLoopback ? null : Machine.GetProxy(destination);

        public bool IsBypassed(Uri host) => host.IsLoopback || Machine.IsBypassed(host);
    }
}
#endif
