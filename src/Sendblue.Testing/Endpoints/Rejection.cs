using System;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>
    /// A request the emulator refuses, as the API would: thrown by an operation where it finds the
    /// problem and answered as an <c>ErrorResponse</c> whose <c>error_message</c> names the field.
    /// </summary>
    internal sealed class Rejection : Exception
    {
        private Rejection(int status, string message, string? code)
            : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }

        /// <summary>A machine-readable <c>error</c>, where the API documents one (<c>line_not_registered</c>).</summary>
        public string? Code { get; }

        public static Rejection BadRequest(string message, string? code = null) => new(400, message, code);

        public static Rejection NotFound(string message) => new(404, message, null);

        public Answer ToAnswer() => new(Status, Wire.Error(Message, Code));
    }
}
