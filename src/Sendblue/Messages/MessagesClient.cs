using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Sendblue.Errors;


namespace Sendblue
{
    /// <summary>
    /// The message operations, in front of the generated (internal) <c>MessagesRestClient</c>:
    /// checks input before anything is sent, maps every failure to the SendblueException family and
    /// adds pagination. Get it from <see cref="SendblueClient.Messages"/>.
    /// </summary>
    public sealed class MessagesClient : IMessagesClient
    {
        private readonly MessagesRestClient _rest;
        private readonly CredentialRedactor _redactor;

        internal MessagesClient(HttpClient httpClient, Uri baseUrl, CredentialRedactor? redactor = null)
        {
            _rest = new MessagesRestClient(httpClient) { BaseUrl = baseUrl.ToString() };
            _redactor = redactor ?? CredentialRedactor.None;
        }

        /// <inheritdoc />
        public Task<MessageResponse> SendAsync(SendMessageRequest request, CancellationToken cancellationToken = default)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (string.IsNullOrWhiteSpace(request.Number))
            {
                throw new ArgumentException(
                    $"{nameof(SendMessageRequest)}.{nameof(SendMessageRequest.Number)} is required: the recipient's phone number in E.164 format, such as +19998887777.",
                    nameof(request));
            }

            if (string.IsNullOrWhiteSpace(request.FromNumber))
            {
                throw new ArgumentException(
                    $"{nameof(SendMessageRequest)}.{nameof(SendMessageRequest.FromNumber)} is required: one of your Sendblue numbers in E.164 format, to send from.",
                    nameof(request));
            }

            if (string.IsNullOrWhiteSpace(request.Content) && string.IsNullOrWhiteSpace(request.MediaUrl))
            {
                throw new ArgumentException(
                    $"A message needs text or media: set {nameof(SendMessageRequest)}.{nameof(SendMessageRequest.Content)}, {nameof(SendMessageRequest)}.{nameof(SendMessageRequest.MediaUrl)}, or both.",
                    nameof(request));
            }

            return InvokeAsync(_rest.SendAsync(request, cancellationToken), cancellationToken);
        }

        /// <inheritdoc />
        public Task<MessageRetrieveResponse> GetAsync(string messageId, CancellationToken cancellationToken = default)
        {
            RequireText(messageId, nameof(messageId), "the id (message_handle) of the message to retrieve");
            return InvokeAsync(_rest.GetAsync(messageId, cancellationToken), cancellationToken);
        }

        /// <inheritdoc />
        public Task<MessageResponse> GetStatusAsync(string handle, CancellationToken cancellationToken = default)
        {
            RequireText(handle, nameof(handle), "the message_handle a send returned");
            return InvokeAsync(_rest.GetStatusAsync(handle, cancellationToken), cancellationToken);
        }

        /// <inheritdoc />
        public Task<MessageListResponse> ListAsync(MessageListQuery? query = null, CancellationToken cancellationToken = default)
        {
            query ??= new MessageListQuery();
            query.Validate(nameof(query));
            return ListPageAsync(query, query.Offset, cancellationToken);
        }

        /// <inheritdoc />
        public IAsyncEnumerable<MessageListResponse> ListPagesAsync(MessageListQuery? query = null, CancellationToken cancellationToken = default)
        {
            // Checked here, not in the iterator: an iterator runs nothing until the first MoveNext.
            var walk = query?.Copy() ?? new MessageListQuery();
            walk.Validate(nameof(query));
            return WalkPagesAsync(walk, cancellationToken);
        }

        /// <inheritdoc />
        public IAsyncEnumerable<Message> ListAllAsync(MessageListQuery? query = null, CancellationToken cancellationToken = default)
        {
            var walk = query?.Copy() ?? new MessageListQuery();
            walk.Validate(nameof(query));
            return WalkMessagesAsync(walk, cancellationToken);
        }

        private async IAsyncEnumerable<MessageListResponse> WalkPagesAsync(
            MessageListQuery query,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var offset = query.Offset ?? 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await ListPageAsync(query, offset, cancellationToken).ConfigureAwait(false);
                yield return page;

                var count = page.Data?.Count ?? 0;
                if (IsLastPage(page, offset, count, query.Limit))
                {
                    yield break;
                }

                offset += count;
            }
        }

        /// <summary>
        /// An empty page always ends the walk; otherwise <c>hasMore</c> decides when the API sends
        /// it, and without it the walk ends at <c>total</c> or at a page shorter than asked.
        /// </summary>
        internal static bool IsLastPage(MessageListResponse page, int offset, int count, int? askedLimit)
        {
            if (count == 0)
            {
                return true;
            }

            var pagination = page.Pagination;
            if (pagination?.HasMore is bool hasMore)
            {
                return !hasMore;
            }

            if (pagination?.Total is int total && offset + count >= total)
            {
                return true;
            }

            var asked = askedLimit ?? pagination?.Limit ?? MessageListQuery.MaxLimit;
            return count < asked;
        }

        private async IAsyncEnumerable<Message> WalkMessagesAsync(
            MessageListQuery query,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Messages arriving at the head while walking shift the offsets, so a page can repeat
            // the tail of the one before; each handle is yielded once.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var page in WalkPagesAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (page.Data is null)
                {
                    continue;
                }

                foreach (var message in page.Data)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (message is null || (message.MessageHandle is string handle && !seen.Add(handle)))
                    {
                        continue;
                    }

                    yield return message;
                }
            }
        }

        private Task<MessageListResponse> ListPageAsync(MessageListQuery q, int? offset, CancellationToken cancellationToken) =>
            InvokeAsync(
                _rest.ListAsync(
                    q.AccountEmail,
                    q.CreatedAtGte,
                    q.CreatedAtLte,
                    q.FromNumber,
                    q.GroupId,
                    q.IsOutbound,
                    q.Limit,
                    q.MessageType,
                    q.Number,
                    offset,
                    q.OrderBy,
                    q.OrderDirection,
                    q.SendblueNumber,
                    q.SentAtGte,
                    q.SentAtLte,
                    q.Service,
                    q.Status,
                    q.ToNumber,
                    q.UpdatedAtGte,
                    q.UpdatedAtLte,
                    q.WorkerId,
                    cancellationToken),
                cancellationToken);

        private static void RequireText(string value, string parameterName, string what)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameterName, $"{parameterName} is required: {what}.");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{parameterName} is empty; it must be {what}.", parameterName);
            }
        }

        /// <summary>
        /// Whatever the generated client or the pipeline throws leaves here as a SendblueException
        /// (or the caller's own OperationCanceledException): never an NSwag or Newtonsoft exception.
        /// The generated methods are async, so even their argument checks end up in the task.
        /// </summary>
        private async Task<T> InvokeAsync<T>(Task<T> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call.ConfigureAwait(false);
            }
            catch (SendblueException)
            {
                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (GeneratedApiException ex)
            {
                throw Unreadable(DescribeUnreadable(ex, typeof(T).Name), ex.InnerException);
            }
            catch (JsonException ex)
            {
                throw Unreadable($"The Sendblue API's response could not be read as {typeof(T).Name}: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                throw new SendblueConnectionException($"Could not read the Sendblue API's response: {_redactor.Scrub(ex.Message)}", ex);
            }
        }

        /// <summary>
        /// Newtonsoft quotes the value it could not convert, so a body echoing a credential into a
        /// typed field would put it in the message and, through the inner exception, in ToString().
        /// </summary>
        private SendblueException Unreadable(string message, Exception? cause)
        {
            if (!_redactor.Finds(message) && (cause is null || !_redactor.Finds(cause.ToString())))
            {
                return new SendblueException(message, cause);
            }

            var scrubbedCause = cause is null ? null : new JsonException(_redactor.Scrub(cause.Message));
            return new SendblueException(_redactor.Scrub(message), scrubbedCause);
        }

        private static string DescribeUnreadable(GeneratedApiException ex, string expected)
        {
            if (ex.InnerException is JsonException json)
            {
                return $"The Sendblue API returned {ex.StatusCode} with a body that is not a valid {expected}: {json.Message}";
            }

            if (ex.StatusCode >= 200 && ex.StatusCode < 300 && ex.Message.StartsWith("Response was null", StringComparison.Ordinal))
            {
                return $"The Sendblue API returned {ex.StatusCode} with an empty body where a {expected} was expected.";
            }

            return $"The Sendblue API returned {ex.StatusCode}, which this operation does not expect (a {expected} comes with 200).";
        }
    }
}
