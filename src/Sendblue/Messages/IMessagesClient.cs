using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue
{
    /// <summary>
    /// The message operations of the Sendblue API. An interface so that code using it can be
    /// unit-tested with a mock (for example <c>new Mock&lt;IMessagesClient&gt;()</c>).
    /// </summary>
    public interface IMessagesClient
    {
        /// <summary>
        /// Sends a message (<c>POST /api/send-message</c>). Retried only on 429 and on a connection
        /// refused before anything was written: after a 5xx or a timeout the message may have gone
        /// out, so check with <see cref="GetStatusAsync"/> or a list before sending again.
        /// </summary>
        /// <param name="request">The message; <c>Number</c>, <c>FromNumber</c> and <c>Content</c> or <c>MediaUrl</c> are required.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The queued message with its handle and first status.</returns>
        /// <exception cref="System.ArgumentException">The request lacks a required field; nothing was sent.</exception>
        /// <exception cref="SendblueException">The API answered with an error, or could not be reached.</exception>
        Task<MessageResponse> SendAsync(SendMessageRequest request, CancellationToken cancellationToken = default);

        /// <summary>Retrieves one message by its id (<c>GET /api/v2/messages/{message_id}</c>).</summary>
        /// <param name="messageId">The message id (its <c>message_handle</c>).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The message.</returns>
        /// <exception cref="System.ArgumentException"><paramref name="messageId"/> is empty; nothing was sent.</exception>
        /// <exception cref="SendblueNotFoundException">No such message.</exception>
        /// <exception cref="SendblueException">The API answered with an error, or could not be reached.</exception>
        Task<MessageRetrieveResponse> GetAsync(string messageId, CancellationToken cancellationToken = default);

        /// <summary>Reads the current status of a message (<c>GET /api/status?handle=...</c>).</summary>
        /// <param name="handle">The <c>message_handle</c> a send returned.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The message with its current status.</returns>
        /// <exception cref="System.ArgumentException"><paramref name="handle"/> is empty; nothing was sent.</exception>
        /// <exception cref="SendblueException">The API answered with an error, or could not be reached.</exception>
        Task<MessageResponse> GetStatusAsync(string handle, CancellationToken cancellationToken = default);

        /// <summary>Lists one page of messages (<c>GET /api/v2/messages</c>).</summary>
        /// <param name="query">Filters, order and page; null lists the first page with the API's defaults.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The page, with <c>Pagination</c> telling where it sits.</returns>
        /// <exception cref="System.ArgumentException"><c>Limit</c> is outside 1..100 or <c>Offset</c> is negative; nothing was sent.</exception>
        /// <exception cref="SendblueException">The API answered with an error, or could not be reached.</exception>
        Task<MessageListResponse> ListAsync(MessageListQuery? query = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Lists page after page, from the query's offset until the API says there are no more.
        /// Requests run as the enumeration asks for pages.
        /// </summary>
        /// <param name="query">Filters, order, first offset and page size.</param>
        /// <param name="cancellationToken">Cancels the walk, between and during pages.</param>
        /// <returns>The pages, in order.</returns>
        /// <exception cref="System.ArgumentException"><c>Limit</c> is outside 1..100 or <c>Offset</c> is negative (thrown at the call, before enumeration).</exception>
        IAsyncEnumerable<MessageListResponse> ListPagesAsync(MessageListQuery? query = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Lists every matching message across pages, each <c>message_handle</c> once even when new
        /// messages arrive while walking and shift the offsets.
        /// </summary>
        /// <param name="query">Filters, order, first offset and page size.</param>
        /// <param name="cancellationToken">Cancels the walk, between and during pages.</param>
        /// <returns>The messages, in the order of the pages.</returns>
        /// <exception cref="System.ArgumentException"><c>Limit</c> is outside 1..100 or <c>Offset</c> is negative (thrown at the call, before enumeration).</exception>
        IAsyncEnumerable<Message> ListAllAsync(MessageListQuery? query = null, CancellationToken cancellationToken = default);
    }
}
