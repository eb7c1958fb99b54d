using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands.Contacts
{
    /// <summary>The contact a command is about, by its phone number.</summary>
    internal class ContactSettings : ApiSettings
    {
        [CommandArgument(0, "<number>")]
        [Description("The contact's phone number, E.164 (+19998887777).")]
        public string Number { get; set; } = "";
    }
}
