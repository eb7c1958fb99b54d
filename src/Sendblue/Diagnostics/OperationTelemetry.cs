using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading;
using Sendblue.Http;

namespace Sendblue.Diagnostics
{
    /// <summary>
    /// One call as the telemetry steps describe it: its operation name, method, server, a path safe
    /// to log, and how many attempts it has made. The operation step attaches it to the request so
    /// that the attempt step below it numbers each attempt of the same call.
    /// </summary>
    internal sealed class OperationTelemetry
    {
        private static readonly Sendblue.Http.RequestProperty<OperationTelemetry> Property = new("Sendblue.Telemetry");

        private int _attempts;

        public OperationTelemetry(HttpRequestMessage request)
        {
            Context = OperationContext.Of(request);
            Method = request.Method.Method;
            var uri = request.RequestUri;
            Path = uri is null ? "(no URI)" : SafePath(uri);
            ServerAddress = uri?.IsAbsoluteUri == true ? uri.Host : string.Empty;
            ServerPort = uri?.IsAbsoluteUri == true ? uri.Port : 0;
            RetriesAsRead = OperationContext.RetriesAsReadFor(request);

            // Without an operation context (a request the generated code did not describe), the
            // name is what the request shows: its method and path, query left out.
            Name = Context?.Name ?? Method + " " + (uri is null ? Path : SafePath(uri, withQuery: false));
        }

        /// <summary>The operation context's name (<c>Messages.Send</c>), else method and path.</summary>
        public string Name { get; }

        public OperationContext? Context { get; }

        public string Method { get; }

        /// <summary>The path with query names but not values (<c>/api/status?handle=*</c>).</summary>
        public string Path { get; }

        public string ServerAddress { get; }

        public int ServerPort { get; }

        public bool RetriesAsRead { get; }

        /// <summary>Counts an attempt and returns its number, 1 for the first.</summary>
        public int NextAttempt() => Interlocked.Increment(ref _attempts);

        public void AttachTo(HttpRequestMessage request) => Property.Set(request, this);

        public static OperationTelemetry? Of(HttpRequestMessage request) => Property.Get(request);

        /// <summary>
        /// The tags every measurement of this call carries, with the outcome when there is one. The
        /// operation's name only when the generated code named it: a path holds ids, too many
        /// distinct values for a metric.
        /// </summary>
        public TagList Tags(int? status = null, string? errorType = null)
        {
            var tags = new TagList
            {
                { SendblueDiagnostics.MethodTag, Method },
                { SendblueDiagnostics.ServerAddressTag, ServerAddress },
                { SendblueDiagnostics.ServerPortTag, ServerPort },
            };
            if (Context is not null)
            {
                tags.Add(SendblueDiagnostics.OperationTag, Context.Name);
            }

            if (status is int code)
            {
                tags.Add(SendblueDiagnostics.StatusCodeTag, code);
            }

            if (errorType is not null)
            {
                tags.Add(SendblueDiagnostics.ErrorTypeTag, errorType);
            }

            return tags;
        }

        /// <summary>The tags a span of this call starts with; nothing when no one listens (no span).</summary>
        public void Tag(Activity? activity)
        {
            if (activity is null)
            {
                return;
            }

            activity.SetTag(SendblueDiagnostics.MethodTag, Method);
            activity.SetTag(SendblueDiagnostics.ServerAddressTag, ServerAddress);
            activity.SetTag(SendblueDiagnostics.ServerPortTag, ServerPort);
            activity.SetTag(SendblueDiagnostics.OperationTag, Name);
        }

        /// <summary>
        /// The path of <paramref name="uri"/> as logs and traces may show it: query values left out
        /// (they hold phone numbers, emails, handles), and a path segment that looks like a phone
        /// number (<c>/api/v2/contacts/+19998887777</c>) shown as <c>*</c>.
        /// </summary>
        internal static string SafePath(Uri uri, bool withQuery = true)
        {
            if (!uri.IsAbsoluteUri)
            {
                return "(relative URI)";
            }

            var builder = new StringBuilder();
            var segments = uri.AbsolutePath.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append('/');
                }

                builder.Append(LooksLikePhoneNumber(Uri.UnescapeDataString(segments[i])) ? "*" : segments[i]);
            }

            var query = uri.Query;
            if (withQuery && query.Length > 1)
            {
                var separator = '?';
                foreach (var pair in query.Substring(1).Split('&'))
                {
                    if (pair.Length == 0)
                    {
                        continue;
                    }

                    var equals = pair.IndexOf('=');
                    builder.Append(separator).Append(equals < 0 ? pair : pair.Substring(0, equals)).Append("=*");
                    separator = '&';
                }
            }

            return builder.ToString();
        }

        /// <summary>Seven or more digits, with at most a leading + and separators between them.</summary>
        internal static bool LooksLikePhoneNumber(string segment)
        {
            var digits = 0;
            for (var i = 0; i < segment.Length; i++)
            {
                var c = segment[i];
                if (c >= '0' && c <= '9')
                {
                    digits++;
                }
                else if (!(c == '+' && i == 0) && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')')
                {
                    return false;
                }
            }

            return digits >= 7;
        }
    }
}
