namespace Sendblue.Extensions.DependencyInjection
{
    /// <summary>Marks a service collection in which AddSendblue registered the clients, so a second call does not register them twice.</summary>
    internal sealed class SendblueRegistration
    {
    }
}
