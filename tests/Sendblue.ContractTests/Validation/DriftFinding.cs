namespace Sendblue.ContractTests.Validation
{
    /// <summary>What kind of difference between a body and the spec a drift finding is.</summary>
    public enum DriftKind
    {
        /// <summary>A field the body has and the spec's schema does not declare.</summary>
        UnknownField,

        /// <summary>A value of an enum the spec does not list.</summary>
        UnknownEnumValue,

        /// <summary>An empty string where the spec has an enum: read as no value (API.md), but the spec does not say so.</summary>
        EmptyEnumValue,

        /// <summary>A field the spec requires that the body lacks.</summary>
        MissingRequiredField,

        /// <summary>Anything else the validator rejected (a wrong type, null where the spec forbids it, a bad date).</summary>
        Violation,
    }

    /// <summary>One difference between a body and the spec.</summary>
    /// <param name="Kind">What kind of difference.</param>
    /// <param name="Subject">Where the body came from, such as <c>GET /api/v2/messages 200</c>.</param>
    /// <param name="Location">The place in the body with array indexes folded, such as <c>$.data[*].read_at</c>.</param>
    /// <param name="Detail">The value or the validator's words.</param>
    public sealed record DriftFinding(DriftKind Kind, string Subject, string Location, string Detail);
}
