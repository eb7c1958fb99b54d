using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Demo;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>demo</c>: the SDK end to end against an in-process emulator, whatever the environment holds.</summary>
    internal sealed class DemoCommand : AsyncCommand
    {
        private readonly CliHost _host;

        public DemoCommand(CliHost host)
        {
            _host = host;
        }

        public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            new SendblueDemo(_host).RunAsync(cancellationToken);
    }
}
