namespace Sendblue
{
    /// <summary>The Sendblue API client, as an interface so that it can be mocked.</summary>
    public interface ISendblueClient
    {
        /// <summary>Send messages, read their status, retrieve and list them.</summary>
        IMessagesClient Messages { get; }
    }
}
