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

    /// <summary>The last value each sequence gave (queries of new ids answer the next ones).</summary>
    private readonly Dictionary<string, int> _sequences = [];

    /// <summary>The rows a SELECT answers (none by default).</summary>
    public Func<string, DataParameter[], IEnumerable<object>> Selected { get; set; } = (_, _) => [];

    /// <summary>
    /// Recorded like a statement; a query of new ids (see BatchInsertSql.NextIds) answers that many ids of the table's
    /// sequence, a SELECT the rows of <see cref="Selected"/>.
    /// </summary>
    public Task<IList<T>> QueryAsync<T>(string sql, params DataParameter[] parameters)
    {
        Executed.Add((sql, parameters));
        if (sql.StartsWith("SELECT \"", StringComparison.Ordinal))
            return Task.FromResult<IList<T>>(Selected(sql, parameters).Cast<T>().ToList());
        if (!sql.Contains("nextval", StringComparison.Ordinal))
            throw new NotSupportedException($"The fake data provider answers only queries of new ids: {sql}");
        var (sequence, count) = ((string)parameters[0].Value!, (int)parameters[1].Value!);
        var first = _sequences.GetValueOrDefault(sequence) + 1;
        _sequences[sequence] = first + count - 1;
        return Task.FromResult<IList<T>>(Enumerable.Range(first, count).Cast<T>().ToList());
    }
}
