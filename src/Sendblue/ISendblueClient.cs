namespace Sendblue
{
    /// <summary>
    /// The Sendblue API client, as an interface so that it can be mocked. It has one property per
    /// tag of the spec (<see cref="Messages"/> and the others), each an interface of its own.
    /// </summary>
    public partial interface ISendblueClient
    {
    }
}
