using Newtonsoft.Json;

namespace Sendblue
{
    // CUSTOM: the API spells the account field both ways (`account_email` in send and status
    // responses, `accountEmail` in list items and webhook bodies); whichever the spec names here,
    // the other spelling fills AccountEmail when the first is absent.
    public partial class Message
    {
        [JsonProperty("account_email")]
        private string? AccountEmailSnakeCase
        {
            set
            {
                if (AccountEmail is null)
                {
                    AccountEmail = value;
                }
            }
        }
    }
}
