namespace Sendblue.Cli.QueryOptions
{
    /// <summary>
    /// The settings of a command that takes, beyond the options it declares, the properties of a
    /// query object as options. <see cref="QueryOptionsInterceptor"/> binds them; help lists them.
    /// </summary>
    internal interface IQueryOptionsSettings
    {
        /// <summary>The options the command takes from its query type.</summary>
        QueryOptionSet QueryOptions { get; }

        /// <summary>The query the command line asked for; set before the command runs.</summary>
        object Query { set; }
    }
}
