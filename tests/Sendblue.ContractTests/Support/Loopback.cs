using System;
using System.Net;
using System.Net.Sockets;

namespace Sendblue.ContractTests.Support
{
    /// <summary>Loopback helpers.</summary>
    public static class Loopback
    {
        /// <summary>A URL on 127.0.0.1 where nothing listens: a webhook posted there is refused at once, and still recorded.</summary>
        public static Uri Refusing(string path)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return new Uri($"http://127.0.0.1:{port}/{path}");
        }
    }
}
