using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>What an operation answers: a status and a JSON body, written by <see cref="EmulatorEndpoints"/>.</summary>
    internal readonly struct Answer
    {
        public Answer(int status, JToken body)
        {
            Status = status;
            Body = body;
        }

        public int Status { get; }

        public JToken Body { get; }

        public static Answer Ok(JToken body) => new(200, body);
    }
}
