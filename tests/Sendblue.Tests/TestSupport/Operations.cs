using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>One call of the messages client, named for test output.</summary>
    public sealed record Operation(string Name, Func<IMessagesClient, Task<object>> Invoke)
    {
        public override string ToString() => Name;
    }

    /// <summary>The four single-request operations, for tests that must hold for each of them.</summary>
    public static class Operations
    {
        public static Operation Send { get; } = new("SendAsync", async messages => await messages.SendAsync(NewRequest()));

        public static Operation GetStatus { get; } = new("GetStatusAsync", async messages => await messages.GetStatusAsync("h-1"));

        public static Operation Get { get; } = new("GetAsync", async messages => await messages.GetAsync("m-1"));

        public static Operation List { get; } = new("ListAsync", async messages => await messages.ListAsync());

        public static IEnumerable<Operation> All { get; } = new[] { Send, GetStatus, Get, List };

        public static SendMessageRequest NewRequest() => new()
        {
            Number = "+19998887777",
            FromNumber = "+16292925296",
            Content = "Hello",
        };
    }
}
