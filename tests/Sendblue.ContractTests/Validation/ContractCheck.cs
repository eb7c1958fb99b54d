using System.Collections.Generic;
using System.Linq;

namespace Sendblue.ContractTests.Validation
{
    /// <summary>
    /// The outcome of checking one body (and its headers) against the spec: readable errors such as
    /// <c>GET /api/v2/messages 200: $.data[0].status: 'LOST' is not one of REGISTERED, ...</c>, and the
    /// drift found on the way (fields and enum values the spec lacks, required fields missing).
    /// </summary>
    public sealed class ContractCheck
    {
        public ContractCheck(string subject, IReadOnlyList<string> errors, IReadOnlyList<DriftFinding> drift)
        {
            Subject = subject;
            Errors = errors;
            Drift = drift;
        }

        /// <summary>What was checked, such as <c>GET /api/v2/messages 200</c> or <c>webhook MessageContent</c>.</summary>
        public string Subject { get; }

        /// <summary>Each violation, prefixed with the subject; empty when the body conforms.</summary>
        public IReadOnlyList<string> Errors { get; }

        /// <summary>What the body has that the spec does not know (not errors: the SDK reads them tolerantly).</summary>
        public IReadOnlyList<DriftFinding> Drift { get; }

        /// <summary>Whether the body conforms to the spec.</summary>
        public bool IsValid => Errors.Count == 0;

        /// <summary>A failed check with one error, for what cannot be validated at all (no such response in the spec, not JSON).</summary>
        public static ContractCheck Failed(string subject, string error) =>
            new(subject, new[] { $"{subject}: {error}" }, new[] { new DriftFinding(DriftKind.Violation, subject, "$", error) });

        /// <inheritdoc />
        public override string ToString() =>
            IsValid ? $"{Subject}: conforms" : string.Join("\n", Errors);

        /// <summary>The errors of many checks, one per line, for an assertion message.</summary>
        public static string Describe(IEnumerable<ContractCheck> checks) =>
            string.Join("\n", checks.Where(c => !c.IsValid).SelectMany(c => c.Errors));
    }
}
