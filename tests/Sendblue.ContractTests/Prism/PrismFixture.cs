using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Prism
{
    /// <summary>
    /// One Prism for every test of this namespace: started before the first, killed (with its whole
    /// process tree) after the last. Without node or Prism the tests are ignored with how to install
    /// it, except in CI (CI=true), where that is a failure.
    /// </summary>
    [SetUpFixture]
    public sealed class PrismFixture
    {
        private static PrismServer? _server;

        /// <summary>The running Prism.</summary>
        public static PrismServer Server => _server ?? throw new System.InvalidOperationException("Prism is not running.");

        [OneTimeSetUp]
        public async Task StartPrism()
        {
            PrismServer.RequireOrIgnore();
            _server = await PrismServer.StartAsync(RepoPaths.Spec);
        }

        [OneTimeTearDown]
        public async Task StopPrism()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
                _server = null;
            }
        }
    }
}
