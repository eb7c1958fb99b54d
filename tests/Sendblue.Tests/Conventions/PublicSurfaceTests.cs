using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;

namespace Sendblue.Tests.Conventions
{
    /// <summary>
    /// Rules swept over the whole public surface by reflection, so they hold for every generated
    /// and hand-written type without anyone remembering them.
    /// </summary>
    public class PublicSurfaceTests
    {
        private static readonly Assembly Sdk = typeof(SendblueClient).Assembly;

        private static IEnumerable<Type> PublicTypes => Sdk.GetExportedTypes();

        private static IEnumerable<MemberInfo> PublicMembers(Type type) =>
            type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m is not ConstructorInfo);

        /// <summary>The generated models: every public class carrying JSON property names.</summary>
        private static IEnumerable<Type> Models => PublicTypes.Where(t =>
            t.IsClass && t.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null));

        /// <summary>Every public struct of the SDK: the spec's enums, each an extensible enum-like.</summary>
        private static readonly Type[] ExtensibleEnums = typeof(SendblueClient).Assembly.GetExportedTypes().Where(t => t.IsValueType).ToArray();

        [Test]
        public void EveryPublicTypeLivesInTheRootNamespace()
        {
            Assert.That(PublicTypes.Select(t => t.Namespace).Distinct(), Is.EqualTo(new[] { "Sendblue" }));
        }

        [Test]
        public void NoPublicNameIsSnakeCaseNumberedOrAnonymous()
        {
            var bad = new Regex("_|\\d$|^Anonymous", RegexOptions.CultureInvariant);
            var offenders = PublicTypes
                .Select(t => t.Name)
                .Concat(PublicTypes.SelectMany(t => PublicMembers(t).Select(m => $"{t.Name}.{m.Name}")))
                .Concat(PublicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                    .SelectMany(m => m.GetParameters().Select(p => $"{m.DeclaringType!.Name}.{m.Name}({p.Name})")))
                .Where(name => bad.IsMatch(name.Split('.').Last().TrimEnd(')').Split('(').Last()))
                .ToList();

            Assert.That(offenders, Is.Empty);
        }

        [Test]
        public void NoModelHasCSharpRequiredMembers()
        {
            var required = PublicTypes
                .SelectMany(t => t.GetProperties().Cast<MemberInfo>().Append(t))
                .Where(m => m.CustomAttributes.Any(a => a.AttributeType.Name == "RequiredMemberAttribute"))
                .Select(m => m.Name)
                .ToList();

            Assert.That(required, Is.Empty);
        }

        [Test]
        public void EveryModelPropertyIsNullable()
        {
            var context = new NullabilityInfoContext();
            var notNullable = Models
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null)
                .Where(p => p.PropertyType.IsValueType
                    ? Nullable.GetUnderlyingType(p.PropertyType) is null
                    : context.Create(p).ReadState != NullabilityState.Nullable)
                .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
                .ToList();

            Assert.That(Models.Count(), Is.GreaterThanOrEqualTo(8), "the sweep must see the generated models");
            Assert.That(notNullable, Is.Empty);
        }

        [Test]
        public void EveryModelKeepsFieldsItDoesNotKnow()
        {
            var withoutExtensionData = Models
                .Where(t => !t.GetProperties().Any(p => p.Name == "AdditionalProperties" && p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null))
                .Select(t => t.Name)
                .ToList();

            Assert.That(withoutExtensionData, Is.Empty);
        }

        [Test]
        public void ModelPropertiesArePascalCase_AndMapToTheirWireNames()
        {
            var mismatched = Models
                .SelectMany(t => t.GetProperties())
                .Select(p => (Property: p, Json: p.GetCustomAttribute<JsonPropertyAttribute>()))
                .Where(x => x.Json?.PropertyName is not null)
                .Where(x => !string.Equals(
                    x.Property.Name,
                    string.Concat(x.Json!.PropertyName!.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1))),
                    StringComparison.Ordinal))
                .Select(x => $"{x.Property.DeclaringType!.Name}.{x.Property.Name} <- {x.Json!.PropertyName}")
                .ToList();

            Assert.That(mismatched, Is.Empty);
        }

        [Test]
        public void NoPublicMethodTakesTheGeneratedTwentyOneArguments()
        {
            var wide = PublicTypes
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => m.GetParameters().Count(p => p.ParameterType != typeof(System.Threading.CancellationToken) && p.ParameterType != typeof(SendblueRequestOptions)) > 3)
                .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
                .ToList();

            Assert.That(wide, Is.Empty);
        }

        [Test]
        public void TheGeneratedRestClientIsNotPublic()
        {
            Assert.That(PublicTypes.Select(t => t.Name), Has.None.EndsWith("RestClient"));
        }

        [Test]
        public void EveryAwaitableMethodEndsInAsync_AndTakesACancellationTokenLast()
        {
            var awaitable = PublicTypes
                .Where(t => t.IsInterface || t.Name.EndsWith("Client", StringComparison.Ordinal))
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)
                    || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
                .ToList();

            Assert.That(awaitable, Has.Count.GreaterThanOrEqualTo(6), "every public client interface is swept (the implementations are internal)");
            Assert.Multiple(() =>
            {
                foreach (var method in awaitable)
                {
                    Assert.That(method.Name, Does.EndWith("Async"), method.ToString());
                    var last = method.GetParameters().Last();
                    Assert.That(last.ParameterType, Is.EqualTo(typeof(System.Threading.CancellationToken)), method.ToString());
                    Assert.That(last.HasDefaultValue, Is.True, method.ToString());
                }
            });
        }

        [Test]
        public void ExtensibleEnums_AreReadOnlyStructs_ReadByOurConverter()
        {
            Assert.Multiple(() =>
            {
                foreach (var type in ExtensibleEnums)
                {
                    Assert.That(type.IsValueType && !type.IsEnum, Is.True, type.Name);
                    Assert.That(type.CustomAttributes.Any(a => a.AttributeType.Name == "IsReadOnlyAttribute"), Is.True, type.Name + " is readonly");
                    Assert.That(type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType.BaseType?.Name, Is.EqualTo("EnumJsonConverter`1"), type.Name);
                    Assert.That(type.GetMethod("op_Equality", new[] { type, type }), Is.Not.Null, type.Name + " ==");
                }
            });
        }

        [Test]
        public void EveryEnumLikeModelPropertyUsesOneOfTheExtensibleEnums()
        {
            var enumProperties = Models
                .SelectMany(t => t.GetProperties())
                .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
                .Where(t => t.IsValueType && !t.IsPrimitive && t != typeof(DateTimeOffset) && t != typeof(DateTime) && t != typeof(decimal))
                .Distinct()
                .ToList();

            Assert.Multiple(() =>
            {
                Assert.That(ExtensibleEnums, Is.SupersetOf(new[] { typeof(SendStyle), typeof(MessageStatus), typeof(MessageService), typeof(MessageType), typeof(MessageOrderBy), typeof(SortDirection) }));
                Assert.That(enumProperties, Is.SubsetOf(ExtensibleEnums));
                Assert.That(PublicTypes.Where(t => t.IsEnum), Is.Empty, "no closed C# enum: an unknown value would throw");
            });
        }
    }
}
