using System;
using System.IO;
using NUnit.Framework;
using PublicApiGenerator;
using Sendblue.Testing;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Packaging
{
    /// <summary>
    /// The public surface of each package is listed in <c>api/&lt;package&gt;.txt</c>, under version
    /// control: a change to it (a field added to the spec, say) fails here until the listing is
    /// updated, so it shows up in review as a readable API diff. <c>build/regenerate.sh --accept</c>
    /// takes the new listing.
    /// </summary>
    public class PublicApiTests
    {
        private static readonly ApiGeneratorOptions Options = new()
        {
            // Assembly attributes carry the clone's remote and the target framework: build facts, not API.
            IncludeAssemblyAttributes = false,
            // The generator's version is build noise too.
            ExcludeAttributes = new[] { "System.CodeDom.Compiler.GeneratedCodeAttribute" },
            // The generator leaves out Microsoft.* namespaces by default; the hosting extensions live
            // in the platform's own namespaces, as the platform's do.
            AllowNamespacePrefixes = new[] { "Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder" },
        };

        [TestCase(typeof(SendblueClient), "Sendblue")]
        [TestCase(typeof(SendblueEmulator), "Sendblue.Testing")]
        [TestCase(typeof(Microsoft.Extensions.DependencyInjection.SendblueServiceCollectionExtensions), "Sendblue.Extensions.DependencyInjection")]
        [TestCase(typeof(Microsoft.AspNetCore.Builder.SendblueEndpointRouteBuilderExtensions), "Sendblue.AspNetCore")]
        public void ThePublicApi_MatchesItsCheckedInListing(Type anchor, string package)
        {
            var actual = Listing(anchor.Assembly);
            var api = Path.Combine(Dotnet.RepositoryRoot(), "api");
            var listing = Path.Combine(api, package + ".txt");
            var received = Path.Combine(api, package + ".received.txt");
            var expected = File.Exists(listing) ? Normalize(File.ReadAllText(listing)) : null;

            if (expected == actual)
            {
                File.Delete(received);
                return;
            }

            File.WriteAllText(received, actual);
            Assert.Fail(
                $"The public API of {package} changed. Review it with `git diff --no-index api/{package}.txt api/{package}.received.txt`; "
                + $"if the change is intended, run `build/regenerate.sh --accept` (or move the .received.txt over the listing) and bump the version by SemVer.");
        }

        /// <summary>The listing of an assembly, in the form the checked-in files use.</summary>
        internal static string Listing(System.Reflection.Assembly assembly) =>
            Normalize(assembly.GeneratePublicApi(Options));

        internal static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
    }
}
