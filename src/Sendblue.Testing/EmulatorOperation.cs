namespace Sendblue.Testing
{
    /// <summary>The operations of the message API the emulator serves; faults are injected per operation.</summary>
    public enum EmulatorOperation
    {
        /// <summary><c>POST /api/send-message</c>.</summary>
        Send,

        /// <summary><c>GET /api/status</c>.</summary>
        GetStatus,

        /// <summary><c>GET /api/v2/messages/{message_id}</c>.</summary>
        Get,

        /// <summary><c>GET /api/v2/messages</c>.</summary>
        List,
    }
}
