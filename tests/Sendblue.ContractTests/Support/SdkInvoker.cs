using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Support
{
    /// <summary>
    /// Calls any operation of the spec through the SDK's public surface, found by the naming rule
    /// (tag <c>T</c>, operation <c>X</c>: <c>client.T.XAsync</c>), with the spec's own examples as
    /// arguments: so a contract test over "every operation" covers an operation added to the spec
    /// with no edit here.
    /// </summary>
    public static class SdkInvoker
    {
        public static MethodInfo Method(SpecOperation operation)
        {
            var clientType = typeof(ISendblueClient).GetProperty(operation.Tag)?.PropertyType
                ?? throw new InvalidOperationException($"ISendblueClient has no property {operation.Tag} for {operation}.");
            return clientType.GetMethods().SingleOrDefault(m => m.Name == operation.Name + "Async" && m.GetParameters().All(p => p.ParameterType != typeof(SendblueRequestOptions)))
                ?? throw new InvalidOperationException($"{clientType.Name} has no {operation.Name}Async for {operation}.");
        }

        /// <summary>Calls the operation with the spec's examples and returns what the call returned.</summary>
        public static async Task<object?> InvokeAsync(ISendblueClient client, SpecOperation operation, string? body = null)
        {
            var method = Method(operation);
            var resource = typeof(ISendblueClient).GetProperty(operation.Tag)!.GetValue(client)!;
            var arguments = method.GetParameters().Select(p => Argument(operation, p, body)).ToArray();
            var task = (Task)method.Invoke(resource, arguments)!;
            await task.ConfigureAwait(false);
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }

        /// <summary>The spec's request example of an operation (its <c>example</c>, else its first <c>examples</c> entry).</summary>
        public static Newtonsoft.Json.Linq.JToken RequestExample(SpecOperation operation)
        {
            var media = operation.Operation.RequestBody?.Content?["application/json"];
            return media?.Example as Newtonsoft.Json.Linq.JToken
                ?? media?.Examples?.Values.Select(e => e.Value as Newtonsoft.Json.Linq.JToken).FirstOrDefault(v => v != null)
                ?? throw new InvalidOperationException($"{operation} has no request example in the spec.");
        }

        private static object? Argument(SpecOperation operation, ParameterInfo parameter, string? body)
        {
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                return CancellationToken.None;
            }

            if (parameter.Name == "request")
            {
                var example = body ?? RequestExample(operation).ToString(Formatting.None);
                return JsonConvert.DeserializeObject(example, parameter.ParameterType);
            }

            if (parameter.ParameterType == typeof(string))
            {
                var spec = operation.Parameters.FirstOrDefault(p => Camel(p.Name!) == parameter.Name);
                return spec?.Example is Newtonsoft.Json.Linq.JValue { Value: string text } ? text : spec?.Example as string ?? "+19998887777";
            }

            return parameter.HasDefaultValue ? parameter.DefaultValue : null;
        }

        private static string Camel(string wire)
        {
            var parts = wire.Split('_');
            return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p.Substring(1)));
        }
    }
}
