using System;
using System.Net.Sockets;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>The socket error under an exception: the same on every OS, where the message text is not.</summary>
    internal static class SocketErrors
    {
        /// <summary>The error code of the first <see cref="SocketException"/> in the chain of inner exceptions; null when there is none.</summary>
        public static SocketError? Find(Exception? exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    return socket.SocketErrorCode;
                }
            }

            return null;
        }
    }
}
