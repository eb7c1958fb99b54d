using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing
{
    /// <summary>Serves the four operations of the spec over the store, after faults, credentials and the rate limit.</summary>
    internal sealed class EmulatorEndpoints
    {
        private static readonly Regex E164 = new("^\\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant);

        private static readonly string[] SendFields = { "number", "from_number", "content", "media_url", "send_style", "status_callback" };

        private readonly SendblueEmulator _emulator;
        private readonly SendblueEmulatorOptions _options;
        private readonly RateLimiter _listLimiter;

        public EmulatorEndpoints(SendblueEmulator emulator, SendblueEmulatorOptions options)
        {
            _emulator = emulator;
            _options = options;
            _listLimiter = new RateLimiter(options.ListRateLimit, options.ListRateLimitWindow, options.TimeProvider);
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

            var operation = Route(request.Method, request.Path.Value ?? string.Empty, out var messageId);
            context.Items[PendingKey] = new PendingRecord(operation, body);
            try
            {
                await ServeAsync(context, operation, messageId, body).ConfigureAwait(false);
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

        private static EmulatorOperation? Route(string method, string path, out string? messageId)
        {
            messageId = null;
            path = path.TrimEnd('/');
            if (method == HttpMethods.Post && path == "/api/send-message")
            {
                return EmulatorOperation.Send;
            }

            if (method != HttpMethods.Get)
            {
                return null;
            }

            if (path == "/api/status")
            {
                return EmulatorOperation.GetStatus;
            }

            if (path == "/api/v2/messages")
            {
                return EmulatorOperation.List;
            }

            const string prefix = "/api/v2/messages/";
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path.IndexOf('/', prefix.Length) < 0)
            {
                messageId = Uri.UnescapeDataString(path.Substring(prefix.Length));
                return EmulatorOperation.Get;
            }

            return null;
        }

        private async Task<int> ServeAsync(HttpContext context, EmulatorOperation? operation, string? messageId, string body)
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
                        await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
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

            switch (operation)
            {
                case EmulatorOperation.Send:
                    return await SendAsync(context, body).ConfigureAwait(false);
                case EmulatorOperation.GetStatus:
                    var handle = context.Request.Query["handle"].ToString();
                    if (string.IsNullOrEmpty(handle))
                    {
                        return await WriteAsync(context, 400, Wire.Error("handle is required.")).ConfigureAwait(false);
                    }

                    var found = _emulator.Find(handle);
                    return found is null
                        ? await WriteAsync(context, 404, Wire.Error($"No message with handle {handle}.")).ConfigureAwait(false)
                        : await WriteAsync(context, 200, Wire.MessageResponse(found)).ConfigureAwait(false);
                case EmulatorOperation.Get:
                    var message = _emulator.Find(messageId!);
                    return message is null
                        ? await WriteAsync(context, 404, Wire.Error($"Message {messageId} not found.")).ConfigureAwait(false)
                        : await WriteAsync(context, 200, new JObject { ["status"] = "OK", ["data"] = Wire.Message(message) }).ConfigureAwait(false);
                default:
                    if (!_listLimiter.TryAcquire(key, out var retryAfter))
                    {
                        context.Response.Headers["Retry-After"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                        return await WriteAsync(context, 429, Wire.Error($"Too many requests: at most {_options.ListRateLimit} per {_options.ListRateLimitWindow.TotalSeconds:0.###} seconds.")).ConfigureAwait(false);
                    }

                    return await ListAsync(context).ConfigureAwait(false);
            }
        }

        private async Task<int> SendAsync(HttpContext context, string body)
        {
            JObject request;
            try
            {
                request = JToken.Parse(body) as JObject ?? throw new JsonReaderException("not an object");
            }
            catch (JsonException)
            {
                return await WriteAsync(context, 400, Wire.Error("The body must be a JSON object.")).ConfigureAwait(false);
            }

            foreach (var field in SendFields)
            {
                if (request[field] is JToken token && token.Type != JTokenType.String && token.Type != JTokenType.Null)
                {
                    return await WriteAsync(context, 400, Wire.Error($"{field} must be a string.")).ConfigureAwait(false);
                }
            }

            var number = (string?)request["number"];
            var from = (string?)request["from_number"];
            var content = (string?)request["content"];
            var media = (string?)request["media_url"];
            var style = (string?)request["send_style"];
            var callback = (string?)request["status_callback"];
            string? error = null;
            if (string.IsNullOrEmpty(number))
            {
                error = "number is required.";
            }
            else if (!E164.IsMatch(number))
            {
                error = $"number must be a phone number in E.164 format, such as +19998887777; it is '{number}'.";
            }
            else if (string.IsNullOrEmpty(from))
            {
                error = "from_number is required.";
            }
            else if (!E164.IsMatch(from))
            {
                error = $"from_number must be a phone number in E.164 format; it is '{from}'.";
            }
            else if (_options.SendblueNumbers.Count > 0 && !_options.SendblueNumbers.Contains(from))
            {
                error = $"from_number {from} is not one of this account's Sendblue numbers.";
            }
            else if (string.IsNullOrEmpty(content) && string.IsNullOrEmpty(media))
            {
                error = "content or media_url is required.";
            }
            else if (!string.IsNullOrEmpty(style) && !SendStyle.KnownValues.Any(s => string.Equals(s.ToString(), style, StringComparison.Ordinal)))
            {
                error = $"send_style '{style}' is not one of: {string.Join(", ", SendStyle.KnownValues)}.";
            }
            else if (!string.IsNullOrEmpty(callback) && !Uri.TryCreate(callback, UriKind.Absolute, out _))
            {
                error = $"status_callback must be an absolute URL; it is '{callback}'.";
            }

            if (error is not null)
            {
                return await WriteAsync(context, 400, Wire.Error(error)).ConfigureAwait(false);
            }

            var message = _emulator.AcceptSend(number!, from!, content, media, string.IsNullOrEmpty(style) ? (SendStyle?)null : new SendStyle(style!), callback);
            return await WriteAsync(context, 200, Wire.MessageResponse(message)).ConfigureAwait(false);
        }

        private async Task<int> ListAsync(HttpContext context)
        {
            var query = context.Request.Query;
            var problems = new List<string>();

            int? Int(string name, int min, int max)
            {
                var text = query[name].ToString();
                if (text.Length == 0)
                {
                    return null;
                }

                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                {
                    problems.Add(max == int.MaxValue
                        ? $"{name} must be an integer of at least {min}; it is '{text}'."
                        : $"{name} must be an integer from {min} to {max}; it is '{text}'.");
                    return null;
                }

                return value;
            }

            DateTimeOffset? Date(string name)
            {
                var text = query[name].ToString();
                if (text.Length == 0)
                {
                    return null;
                }

                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
                {
                    problems.Add($"{name} must be an ISO 8601 date-time; it is '{text}'.");
                    return null;
                }

                return value;
            }

            string? OneOf(string name, IEnumerable<string> allowed)
            {
                var text = query[name].ToString();
                if (text.Length == 0)
                {
                    return null;
                }

                var values = allowed.ToList();
                if (!values.Contains(text, StringComparer.Ordinal))
                {
                    problems.Add($"{name} must be one of {string.Join(", ", values)}; it is '{text}'.");
                    return null;
                }

                return text;
            }

            string? Text(string name) => query[name].ToString() is { Length: > 0 } text ? text : null;

            var limit = Int("limit", 1, 1000) ?? 100;
            var offset = Int("offset", 0, int.MaxValue) ?? 0;
            var createdGte = Date("created_at_gte");
            var createdLte = Date("created_at_lte");
            var sentGte = Date("sent_at_gte");
            var sentLte = Date("sent_at_lte");
            var updatedGte = Date("updated_at_gte");
            var updatedLte = Date("updated_at_lte");
            var isOutbound = OneOf("is_outbound", new[] { "true", "false" });
            var messageType = OneOf("message_type", MessageType.KnownValues.Select(v => v.ToString()));
            var orderBy = OneOf("order_by", MessageOrderBy.KnownValues.Select(v => v.ToString())) ?? "createdAt";
            var direction = OneOf("order_direction", SortDirection.KnownValues.Select(v => v.ToString())) ?? "desc";
            var service = OneOf("service", MessageService.KnownValues.Select(v => v.ToString()));
            var status = OneOf("status", MessageStatus.KnownValues.Select(v => v.ToString()));
            var accountEmail = Text("account_email");
            var fromNumber = Text("from_number");
            var toNumber = Text("to_number");
            var number = Text("number");
            var sendblueNumber = Text("sendblue_number");
            var groupId = Text("group_id");
            var workerId = Text("worker_id");

            if (problems.Count > 0)
            {
                return await WriteAsync(context, 400, Wire.Error(string.Join(" ", problems))).ConfigureAwait(false);
            }

            static bool Within(DateTimeOffset? value, DateTimeOffset? gte, DateTimeOffset? lte) =>
                (gte is null && lte is null) || (value is DateTimeOffset v && (gte is null || v >= gte) && (lte is null || v <= lte));

            var matches = _emulator.Store.Snapshot()
                .Where(e =>
                {
                    var m = e.Message;
                    return (accountEmail is null || m.AccountEmail == accountEmail)
                        && Within(m.DateCreated, createdGte, createdLte)
                        && Within(m.DateSent, sentGte, sentLte)
                        && Within(m.DateUpdated, updatedGte, updatedLte)
                        && (fromNumber is null || m.FromNumber == fromNumber)
                        && (toNumber is null || m.ToNumber == toNumber)
                        && (number is null || m.Number == number)
                        && (sendblueNumber is null || m.SendblueNumber == sendblueNumber)
                        && (groupId is null || m.GroupId == groupId)
                        && (workerId is null || m.WorkerId == workerId)
                        && (isOutbound is null || m.IsOutbound == (isOutbound == "true"))
                        && (messageType is null || m.MessageType.ToString() == messageType)
                        && (service is null || m.Service.ToString() == service)
                        && (status is null || m.Status.ToString() == status);
                })
                .ToList();

            Func<(long Sequence, EmulatedMessage Message), DateTimeOffset> key = orderBy switch
            {
                "updatedAt" => e => e.Message.DateUpdated ?? DateTimeOffset.MinValue,
                "sentAt" => e => e.Message.DateSent ?? DateTimeOffset.MinValue,
                _ => e => e.Message.DateCreated ?? DateTimeOffset.MinValue,
            };
            var ordered = direction == "asc"
                ? matches.OrderBy(key).ThenBy(e => e.Sequence)
                : matches.OrderByDescending(key).ThenByDescending(e => e.Sequence);
            var page = new JArray(ordered.Skip(offset).Take(limit).Select(e => Wire.Message(e.Message)).ToArray<object>());
            return await WriteAsync(context, 200, Wire.Page(page, limit, offset, matches.Count)).ConfigureAwait(false);
        }

        private async Task<int> WriteAsync(HttpContext context, int status, JObject body)
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
