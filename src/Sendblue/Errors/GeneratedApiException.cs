using System;
using System.Collections.Generic;

namespace Sendblue
{
    // CUSTOM: the exception the generated client throws (nswag.json: generateExceptionClasses is
    // off so that it is internal). It never reaches users: MessagesClient maps it to the
    // SendblueException family.
    internal class GeneratedApiException : Exception
    {
        public GeneratedApiException(
            string message,
            int statusCode,
            string? response,
            IReadOnlyDictionary<string, IEnumerable<string>> headers,
            Exception? innerException)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            Response = response;
            Headers = headers;
        }

        public int StatusCode { get; }

        public string? Response { get; }

        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
    }

    internal sealed class GeneratedApiException<TResult> : GeneratedApiException
    {
        public GeneratedApiException(
            string message,
            int statusCode,
            string? response,
            IReadOnlyDictionary<string, IEnumerable<string>> headers,
            TResult result,
            Exception? innerException)
            : base(message, statusCode, response, headers, innerException)
        {
            Result = result;
        }

        public TResult Result { get; }
    }
}
