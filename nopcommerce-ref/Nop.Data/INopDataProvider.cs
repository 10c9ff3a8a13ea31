using LinqToDB.Data;

namespace Nop.Data;

public partial interface INopDataProvider
{
    Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters);

    Task<IList<T>> QueryAsync<T>(string sql, params DataParameter[] parameters);

    string ConfigurationName { get; }
}
