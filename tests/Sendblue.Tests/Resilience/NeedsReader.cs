namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// Marks a test that today's JSON reader fails and the new reader (issue 12) is to pass:
    /// explicit, so the suite stays green meanwhile; <c>dotnet test --filter TestCategory=NeedsReader</c>
    /// runs them. Remove the two attributes from a test once the reader passes it.
    /// </summary>
    internal static class NeedsReader
    {
        public const string Category = "NeedsReader";

        public const string Reason = "Needs the new JSON reader (issue 12): fails on today's reader, see the hostile1517 report.";
    }
}
