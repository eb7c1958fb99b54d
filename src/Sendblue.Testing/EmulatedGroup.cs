using System.Collections.Generic;

namespace Sendblue.Testing
{
    /// <summary>A group chat the emulator knows: made by a group send to <c>numbers</c>, or by seeding a group message.</summary>
    /// <param name="GroupId">The group's identifier.</param>
    /// <param name="FromNumber">The account's line in the group (the one that created it), if known.</param>
    /// <param name="Participants">The other members' numbers (or iMessage addresses), in the order they joined.</param>
    public sealed record EmulatedGroup(string GroupId, string? FromNumber, IReadOnlyList<string> Participants);
}
