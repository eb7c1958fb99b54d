using System;
using System.Linq;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;
using Sendblue.Testing;

namespace Sendblue.ContractTests.Emulator
{
    /// <summary>The emulator serves every operation of the spec, one <see cref="EmulatorOperation"/> each.</summary>
    public class EmulatorOperationIdsTests
    {
        [Test]
        public void EveryEmulatorOperation_ServesAnOperationOfTheSpec_AndEveryOperationOfTheSpecIsServed()
        {
            var spec = SpecContract.Shared.Operations.Select(o => o.QualifiedId).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(EmulatorOperationIds.All.Keys, Is.EquivalentTo(Enum.GetValues<EmulatorOperation>()), "every member of EmulatorOperation is mapped");
                Assert.That(EmulatorOperationIds.All.Values, Is.Unique);
                Assert.That(EmulatorOperationIds.All.Values, Is.EquivalentTo(spec), "the emulator serves exactly the operations of the spec");
            });
        }
    }
}
