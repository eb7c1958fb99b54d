using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands.Contacts
{
    /// <summary><c>contacts create &lt;number&gt;</c>: creates a contact (or, with <c>--update-if-exists</c>, updates it).</summary>
    internal sealed class ContactsCreateCommand : ApiCommand<ContactsCreateCommand.Settings>
    {
        public ContactsCreateCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var created = await client.Contacts.CreateAsync(settings.ToRequest(), cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, created);
            }
            else if (created.Contact is { } contact)
            {
                FieldList.Write(Host.Out, contact);
            }
            else
            {
                Host.Out.WriteLine($"Created the contact {settings.Number}.");
            }

            return ExitCodes.Ok;
        }

        internal sealed class Settings : ContactSettings
        {
            [CommandOption("--first-name <NAME>")]
            [Description("The contact's first name.")]
            public string? FirstName { get; set; }

            [CommandOption("--last-name <NAME>")]
            [Description("The contact's last name.")]
            public string? LastName { get; set; }

            [CommandOption("--assigned-to-email <EMAIL>")]
            [Description("The email of the user of the account to assign the contact to.")]
            public string? AssignedToEmail { get; set; }

            [CommandOption("--sendblue-number <NUMBER>")]
            [Description("The Sendblue number to associate the contact with (to send from), E.164.")]
            public string? SendblueNumber { get; set; }

            [CommandOption("--tag <TAG>")]
            [Description("A tag of the contact; repeat it for more tags.")]
            public string[]? Tags { get; set; }

            [CommandOption("--custom-variable <LABEL=VALUE>")]
            [Description("A custom variable, by its label: --custom-variable \"Lead Source=Website\"; repeat it for more. A label that does not exist yet is created.")]
            public string[]? CustomVariables { get; set; }

            [CommandOption("--update-if-exists")]
            [Description("Updates the contact when one with this number exists, instead of failing.")]
            public bool UpdateIfExists { get; set; }

            public override ValidationResult Validate()
            {
                foreach (var variable in CustomVariables ?? Array.Empty<string>())
                {
                    if (!TrySplit(variable, out _, out _))
                    {
                        return ValidationResult.Error($"--custom-variable takes LABEL=VALUE, such as \"Lead Source=Website\"; it is '{variable}'.");
                    }
                }

                return base.Validate();
            }

            public CreateContactRequest ToRequest() => new()
            {
                Number = Number,
                FirstName = FirstName,
                LastName = LastName,
                AssignedToEmail = AssignedToEmail,
                SendblueNumber = SendblueNumber,
                Tags = Tags is { Length: > 0 } tags ? tags.ToList() : null,
                CustomVariables = Variables(),
                // Only when asked: an unset flag stays off the wire, as every field the user did not set.
                UpdateIfExists = UpdateIfExists ? true : null,
            };

            private IDictionary<string, string>? Variables()
            {
                if (CustomVariables is not { Length: > 0 } given)
                {
                    return null;
                }

                // The last value of a label given twice wins, as an option given twice does.
                var variables = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var variable in given)
                {
                    TrySplit(variable, out var label, out var value);
                    variables[label] = value;
                }

                return variables;
            }

            private static bool TrySplit(string variable, out string label, out string value)
            {
                var equals = variable.IndexOf('=', StringComparison.Ordinal);
                label = equals > 0 ? variable.Substring(0, equals).Trim() : string.Empty;
                value = equals > 0 ? variable.Substring(equals + 1) : string.Empty;
                return label.Length > 0;
            }
        }
    }
}
