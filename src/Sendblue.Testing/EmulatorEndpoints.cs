using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sendblue.Testing.Endpoints;

namespace Sendblue.Testing
{
    /// <summary>
    /// Serves every operation of the spec: records the request, then applies faults, credentials and
    /// the rate limit, and hands the request to its operation (<see cref="Endpoints"/>), whose
    /// <see cref="Rejection"/> becomes a 400 or 404 with <c>error_message</c>.
    /// </summary>
    internal sealed class EmulatorEndpoints
    {
        private readonly SendblueEmulator _emulator;
        private readonly SendblueEmulatorOptions _options;
        private readonly RateLimiter _listLimiter;
        private readonly IReadOnlyDictionary<EmulatorOperation, Func<EmulatorCall, Answer>> _operations;

        public EmulatorEndpoints(SendblueEmulator emulator, SendblueEmulatorOptions options)
        {
            _emulator = emulator;
            _options = options;
            _listLimiter = new RateLimiter(options.ListRateLimit, options.ListRateLimitWindow, options.TimeProvider);
            var messages = new MessageEndpoints(emulator, options);
            var groups = new GroupEndpoints(emulator, options, messages);
            var typing = new TypingIndicatorEndpoints(emulator, options);
            var media = new MediaObjectEndpoints(emulator);
            var lookups = new LookupEndpoints(options);
            var contacts = new ContactEndpoints(emulator, options);
            var webhooks = new WebhookEndpoints(emulator, options);
            var lines = new LineEndpoints(emulator, options);
            _operations = new Dictionary<EmulatorOperation, Func<EmulatorCall, Answer>>
            {
                [EmulatorOperation.Send] = messages.Send,
                [EmulatorOperation.GetStatus] = messages.GetStatus,
                [EmulatorOperation.Get] = messages.Get,
                [EmulatorOperation.List] = messages.List,
                [EmulatorOperation.UpdateAppCard] = messages.UpdateAppCard,
                [EmulatorOperation.SendGroupMessage] = groups.SendMessage,
                [EmulatorOperation.ModifyGroup] = groups.Modify,
                [EmulatorOperation.SendTypingIndicator] = typing.Send,
                [EmulatorOperation.UploadMediaObject] = media.Upload,
                [EmulatorOperation.LookupNumber] = lookups.LookupNumber,
                [EmulatorOperation.ListContacts] = contacts.List,
                [EmulatorOperation.CreateContact] = contacts.Create,
                [EmulatorOperation.GetContact] = contacts.Get,
                [EmulatorOperation.UpdateContact] = contacts.Update,
                [EmulatorOperation.DeleteContact] = contacts.Delete,
                [EmulatorOperation.CountContacts] = contacts.Count,
                [EmulatorOperation.OptOutContact] = contacts.OptOut,
                [EmulatorOperation.VerifyContact] = contacts.Verify,
                [EmulatorOperation.BulkCreateContacts] = contacts.BulkCreate,
                [EmulatorOperation.BulkDeleteContacts] = contacts.BulkDelete,
                [EmulatorOperation.ListWebhooks] = webhooks.List,
                [EmulatorOperation.CreateWebhooks] = webhooks.Create,
                [EmulatorOperation.UpdateWebhooks] = webhooks.Update,
                [EmulatorOperation.DeleteWebhooks] = webhooks.Delete,
                [EmulatorOperation.GetLineState] = lines.GetState,
            };
        }

        private const string PendingKey = "sendblue.emulator.pending-record";

        public async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            string body;
            using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            var operation = EmulatorRoutes.Route(request.Method, request.Path.Value ?? string.Empty, out var pathValue);
            context.Items[PendingKey] = new PendingRecord(operation, body);
            try
            {
                await ServeAsync(context, operation, pathValue, body).ConfigureAwait(false);
            }
            finally
            {
                // Served requests were recorded before their answer went out; this catches the rest.
                RecordOnce(context, 0, string.Empty);
            }
        }

        /// <summary>
        /// Records the request with what it is about to get, before the client can see the answer,
        /// so that a test reading <see cref="SendblueEmulator.Requests"/> right after a call finds it.
        /// </summary>
        private void RecordOnce(HttpContext context, int status, string responseBody)
        {
            if (context.Items[PendingKey] is not PendingRecord pending)
            {
                return;
            }

            context.Items.Remove(PendingKey);
            var request = context.Request;
            _emulator.Record(new EmulatedRequest(
                pending.Operation,
                request.Method,
                request.Path.Value ?? string.Empty,
                request.QueryString.Value ?? string.Empty,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                pending.Body,
                status,
                responseBody,
                status == 0
                    ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                    : context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        }

        private sealed record PendingRecord(EmulatorOperation? Operation, string Body);

        private async Task<int> ServeAsync(HttpContext context, EmulatorOperation? operation, string? pathValue, string body)
        {
            if (operation is EmulatorOperation op && _emulator.Faults.TryTake(op, out var fault))
            {
                switch (fault.Kind)
                {
                    case EmulatorFaults.FaultKind.Drop:
                        RecordOnce(context, 0, string.Empty);
                        context.Abort();
                        return 0;
                    case EmulatorFaults.FaultKind.Status:
                        if (fault.RetryAfter is TimeSpan wait)
                        {
                            context.Response.Headers["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                        }

                        return await WriteAsync(context, fault.StatusCode, Wire.Error($"Injected failure: {fault.StatusCode}.")).ConfigureAwait(false);
                    case EmulatorFaults.FaultKind.Delay:
                        // Ended by the client going away or by the emulator being disposed, whichever comes first.
                        using (var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _emulator.Stopping))
                        {
                            await Task.Delay(fault.Delay, held.Token).ConfigureAwait(false);
                        }


                        break;
                }
            }

            if (operation is null)
            {
                return await WriteAsync(context, 404, Wire.Error($"Cannot {context.Request.Method} {context.Request.Path}.")).ConfigureAwait(false);
            }

            var key = context.Request.Headers["sb-api-key-id"].ToString();
            var secret = context.Request.Headers["sb-api-secret-key"].ToString();
            if (!string.Equals(key, _options.ApiKey, StringComparison.Ordinal) || !string.Equals(secret, _options.ApiSecret, StringComparison.Ordinal))
            {
                return await WriteAsync(context, 401, Wire.Error("Unauthorized: sb-api-key-id and sb-api-secret-key must be a valid API key and secret.")).ConfigureAwait(false);
            }

            // The API documents a rate limit for the message list only (100 requests per 10 seconds).
            if (operation == EmulatorOperation.List && !_listLimiter.TryAcquire(key, out var retryAfter))
            {
                context.Response.Headers["Retry-After"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return await WriteAsync(context, 429, Wire.Error($"Too many requests: at most {_options.ListRateLimit} per {_options.ListRateLimitWindow.TotalSeconds:0.###} seconds.")).ConfigureAwait(false);
            }

            Answer answer;
            try
            {
                answer = _operations[operation.Value](new EmulatorCall(context.Request.Query, body, pathValue));
            }
            catch (Rejection rejection)
            {
                answer = rejection.ToAnswer();
            }

            return await WriteAsync(context, answer.Status, answer.Body).ConfigureAwait(false);
        }

        private async Task<int> WriteAsync(HttpContext context, int status, JToken body)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            var text = body.ToString(Formatting.None);
            var bytes = Encoding.UTF8.GetBytes(text);
            context.Response.ContentLength = bytes.Length;
            RecordOnce(context, status, text);
            await context.Response.Body.WriteAsync(bytes, 0, bytes.Length, context.RequestAborted).ConfigureAwait(false);
            return status;
        }
    }
}
