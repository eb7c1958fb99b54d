using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>The Lookups operation: iMessage for every number or address, SMS for <see cref="SendblueEmulatorOptions.SmsOnlyNumbers"/>.</summary>
    internal sealed class LookupEndpoints
    {
        private readonly SendblueEmulatorOptions _options;

        public LookupEndpoints(SendblueEmulatorOptions options)
        {
            _options = options;
        }

        public Answer LookupNumber(EmulatorCall call)
        {
            var number = call.Query["number"].ToString().Trim();
            if (number.Length == 0)
            {
                throw Rejection.BadRequest("number is required.");
            }

            Values.PhoneOrEmail(number, "number");
            var normalized = Values.IsEmail(number) ? number.ToLowerInvariant() : number;
            var sms = _options.SmsOnlyNumbers.Contains(number) || _options.SmsOnlyNumbers.Contains(normalized);
            return Answer.Ok(new JObject
            {
                ["number"] = normalized,
                ["service"] = (sms ? MessageService.Sms : MessageService.IMessage).ToString(),
            });
        }
    }
}
