using System;
using System.Net;
using System.Net.Http;
#if !NET5_0_OR_GREATER
using System.Reflection;
#endif

namespace Sendblue.Http
{
    /// <summary>
    /// The machine's proxy (<c>http_proxy</c>, <c>HTTPS_PROXY</c>, <c>NO_PROXY</c>, or the system's
    /// settings), except for loopback addresses, which are always reached directly: a proxy elsewhere
    /// cannot reach this machine's 127.0.0.1, so a local server (the <c>Sendblue.Testing</c> emulator,
    /// a test's fake) would be unreachable through it.
    /// </summary>
    /// <remarks>
    /// The machine's proxy is the one a handler without a proxy of its own would use:
    /// <c>HttpClient.DefaultProxy</c> on .NET Core 3.0 and later (the net8.0 build, and the
    /// netstandard2.0 build in a net6 or net7 application, which finds it at run time), and
    /// <see cref="WebRequest.DefaultWebProxy"/> on .NET Framework, where it may be null: then no
    /// address goes through a proxy, as with a handler's own default.
    /// </remarks>
    internal sealed class LoopbackDirectProxy : IWebProxy
    {
        private ICredentials? _credentials;

        // Read on each use, so that a proxy the application sets later is the one new connections use.
#if NET5_0_OR_GREATER
        private static IWebProxy? Machine => HttpClient.DefaultProxy;
#else
        private static IWebProxy? Machine => DefaultProxy is null ? WebRequest.DefaultWebProxy : DefaultProxy();

        // HttpClient.DefaultProxy, which netstandard2.0 does not declare but every .NET Core 3.0+ runtime has.
        private static readonly Func<IWebProxy>? DefaultProxy =
            typeof(HttpClient).GetProperty("DefaultProxy", BindingFlags.Public | BindingFlags.Static)?.GetGetMethod() is MethodInfo getter
                ? (Func<IWebProxy>)Delegate.CreateDelegate(typeof(Func<IWebProxy>), getter)
                : null;
#endif

        // Credentials set here stay here, on the one transport this wrapper belongs to: neither the machine's proxy, which
        // every HttpClient of the process shares, nor another Sendblue client's transport is changed.
        public ICredentials? Credentials
        {
            get => _credentials ?? Machine?.Credentials;
            set => _credentials = value;
        }

        public Uri? GetProxy(Uri destination) => destination.IsLoopback ? null : Machine?.GetProxy(destination);

        // No machine proxy: every address is reached directly.
        public bool IsBypassed(Uri host) => host.IsLoopback || (Machine?.IsBypassed(host) ?? true);
    }
}
