using LinqToDB.Data;
using Nop.Data;

namespace OneCExchange.Tests.Fakes;

/// <summary>
/// nopCommerce's data provider as far as the plugin uses it: the linq2db provider name (which picks the SQL dialect;
/// "InMemory" makes the plugin use the repositories, as on SQL Server) and plain SQL, recorded instead of run.
/// </summary>
public sealed class FakeDataProvider(string configurationName = "InMemory") : INopDataProvider
{
    public string ConfigurationName { get; } = configurationName;

    public List<(string Sql, DataParameter[] Parameters)> Executed { get; } = [];

    /// <summary>The row count a statement answers (none by default).</summary>
    public Func<string, int> RowsAffected { get; set; } = _ => 0;

    public Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters)
    {
        Executed.Add((sql, dataParameters));
        return Task.FromResult(RowsAffected(sql));
    }
}
