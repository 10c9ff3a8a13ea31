using System.Globalization;
using System.Text;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>The databases nopCommerce runs on, as far as the SQL of a batch update differs.</summary>
public enum SqlDialect
{
    /// <summary>SQL Server (or anything else): nopCommerce's own list update, a linq2db MERGE of all rows on SQL Server.</summary>
    Repository,
    PostgreSql,
    /// <summary>MySQL and MariaDB.</summary>
    MySql
}

/// <summary>A column of a batch update: its name, and its type where PostgreSQL needs one for a parameter.</summary>
public readonly record struct SqlColumn(string Name, Type ClrType);

/// <summary>One statement with its parameters (named p0, p1... and written @p0, @p1... in the text).</summary>
public sealed record SqlStatement(string Sql, IReadOnlyList<KeyValuePair<string, object?>> Parameters);

/// <summary>
/// The SQL that updates many rows of one table by their key in one statement: every value a parameter, never spliced.
/// PostgreSQL: UPDATE … FROM (VALUES …) with each value cast to its column type (so a null is typed too);
/// MySQL/MariaDB: UPDATE … JOIN (SELECT … UNION ALL SELECT …). Rows are split only where a statement would pass the
/// parameter limit.
/// </summary>
public static class BatchUpdateSql
{
    /// <summary>Below both PostgreSQL's and MySQL's 65,535 parameters per statement.</summary>
    public const int MaxParameters = 30_000;

    /// <param name="key">The key column (its values are the first of each row).</param>
    /// <param name="columns">The columns to set (each row's next values, in this order).</param>
    public static IEnumerable<SqlStatement> Build(SqlDialect dialect, string table, SqlColumn key, IReadOnlyList<SqlColumn> columns,
        IReadOnlyList<object?[]> rows, int maxParameters = MaxParameters)
    {
        RequireSql(dialect);
        if (columns.Count == 0)
            throw new ArgumentException("Nothing to set", nameof(columns));
        var all = new[] { key }.Concat(columns).ToList();
        var rowsPerStatement = Math.Max(1, maxParameters / all.Count);
        foreach (var chunk in rows.Chunk(rowsPerStatement))
            yield return dialect == SqlDialect.PostgreSql ? PostgreSql(table, all, chunk) : MySql(table, all, chunk);
    }

    /// <summary>
    /// Updates the rows matched on several columns without reading them first: each row of <paramref name="rows"/>
    /// holds the values of <paramref name="match"/> then those of <paramref name="columns"/>; <paramref name="constants"/>
    /// are set on every matched row. The integer match columns are also filtered with IN lists of the same parameters,
    /// so that PostgreSQL probes their index instead of hashing the whole table; a string match column is compared as
    /// its exact text (PostgreSQL: a citext column's case-insensitive comparison is what makes its index slow; MySQL:
    /// bytes, so no collation of the parameters can clash with the column's). The row count tells the caller how many
    /// matched.
    /// </summary>
    public static IEnumerable<SqlStatement> BuildMatched(SqlDialect dialect, string table, IReadOnlyList<SqlColumn> match,
        IReadOnlyList<SqlColumn> columns, IReadOnlyList<object?[]> rows, IReadOnlyList<(SqlColumn Column, object? Value)> constants,
        int maxParameters = MaxParameters)
    {
        RequireSql(dialect);
        if (match.Count == 0 || columns.Count + constants.Count == 0)
            throw new ArgumentException("Nothing to match or to set", nameof(match));
        var all = match.Concat(columns).ToList();
        var rowsPerStatement = Math.Max(1, (maxParameters - constants.Count) / all.Count);
        foreach (var chunk in rows.Chunk(rowsPerStatement))
            yield return MatchedStatement(dialect, table, match, all, chunk, constants);
    }

    private static SqlStatement MatchedStatement(SqlDialect dialect, string table, IReadOnlyList<SqlColumn> match,
        List<SqlColumn> all, object?[][] rows, IReadOnlyList<(SqlColumn Column, object? Value)> constants)
    {
        var pg = dialect == SqlDialect.PostgreSql;
        string Name(string name) => QuoteName(dialect, name);
        var parameters = new List<KeyValuePair<string, object?>>(rows.Length * all.Count + constants.Count);
        var names = ParameterNames(parameters, rows, all.Count);
        var sets = all.Skip(match.Count).Select(c => $"{Name(c.Name)} = v.{Name(c.Name)}")
            .Concat(constants.Select(c => $"{Name(c.Column.Name)} = {TypedParameter(dialect, Add(parameters, c.Value), c.Column.ClrType)}"))
            .ToList();
        var on = match.Select(c => c.ClrType != typeof(string) ? $"t.{Name(c.Name)} = v.{Name(c.Name)}"
            : pg ? $"CAST(t.{Name(c.Name)} AS text) = v.{Name(c.Name)}"
            : $"CAST(t.{Name(c.Name)} AS BINARY) = CAST(v.{Name(c.Name)} AS BINARY)").ToList();
        var filters = match.Select((c, i) => (c, i)).Where(x => x.c.ClrType == typeof(int))
            .Select(x => $"t.{Name(x.c.Name)} IN ({string.Join(", ", rows.Select((row, r) => (Value: row[x.i], Name: names[r][x.i]))
                .DistinctBy(p => p.Value).Select(p => TypedParameter(dialect, p.Name, typeof(int))))})")
            .ToList();

        var sql = new StringBuilder();
        if (pg)
        {
            sql.Append($"UPDATE {Name(table)} AS t SET ").AppendJoin(", ", sets).Append(" FROM ");
            AppendPgValues(sql, all, names, c => c < match.Count && all[c].ClrType == typeof(string) ? "text" : PgType(all[c].ClrType));
            sql.Append(" WHERE ").AppendJoin(" AND ", filters.Concat(on));
        }
        else
        {
            sql.Append($"UPDATE {Name(table)} AS t JOIN ");
            AppendMySqlRows(sql, all, names);
            sql.Append(" ON ").AppendJoin(" AND ", on).Append(" SET ").AppendJoin(", ", sets.Select(s => "t." + s));
            if (filters.Count > 0)
                sql.Append(" WHERE ").AppendJoin(" AND ", filters);
        }
        return new SqlStatement(sql.ToString(), parameters);
    }

    /// <summary>
    /// Sets one column to one value on the rows of a type whose key is among <paramref name="keys"/> and whose value
    /// differs (rows already set are not rewritten): no read of the rows first.
    /// </summary>
    public static IEnumerable<SqlStatement> SetWhereKeyIn(SqlDialect dialect, string table, SqlColumn type, int typeValue,
        SqlColumn key, IReadOnlyCollection<string> keys, SqlColumn column, string value, int maxParameters = MaxParameters)
    {
        RequireSql(dialect);
        string Name(string name) => QuoteName(dialect, name);
        string Typed(string parameter, SqlColumn of) => TypedParameter(dialect, parameter, of.ClrType);
        foreach (var chunk in keys.Chunk(Math.Max(1, maxParameters - 2)))
        {
            var parameters = new List<KeyValuePair<string, object?>>(chunk.Length + 2);
            var set = Typed(Add(parameters, value), column);
            var sql = new StringBuilder($"UPDATE {Name(table)} SET {Name(column.Name)} = {set} WHERE {Name(type.Name)} = ")
                .Append(Typed(Add(parameters, typeValue), type)).Append(" AND ").Append(Name(key.Name)).Append(" IN (");
            for (var i = 0; i < chunk.Length; i++)
                sql.Append(i == 0 ? "" : ", ").Append(Typed(Add(parameters, chunk[i]), key));
            sql.Append(") AND (").Append(Name(column.Name)).Append(" IS NULL OR ").Append(Name(column.Name)).Append(" <> ")
                .Append(set).Append(')');
            yield return new SqlStatement(sql.ToString(), parameters);
        }
    }

    /// <summary>
    /// Unpublishes, in two statements and without reading them, the published entities whose mapping rows of a kind
    /// were not seen in a session: first the rows' content hashes are forgotten (so that a later exchange carrying the
    /// item writes and republishes it), then the entities are unpublished; the second statement's row count is the
    /// number unpublished.
    /// </summary>
    public static IReadOnlyList<SqlStatement> UnpublishNotSeen(SqlDialect dialect, UnpublishTables tables, int entityTypeId,
        string sessionId, DateTime nowUtc)
    {
        RequireSql(dialect);
        string N(string name) => QuoteName(dialect, name);
        string P(List<KeyValuePair<string, object?>> parameters, object value) =>
            TypedParameter(dialect, Add(parameters, value), value.GetType());
        string NotSeen(List<KeyValuePair<string, object?>> parameters) =>
            $"{N(tables.MappingType)} = {P(parameters, entityTypeId)} AND ({N(tables.LastSeen)} IS NULL OR {N(tables.LastSeen)} <> {P(parameters, sessionId)})";
        string Published(List<KeyValuePair<string, object?>> parameters) =>
            $"{N(tables.Published)} = {P(parameters, true)} AND {N(tables.Deleted)} = {P(parameters, false)}";

        var forget = new List<KeyValuePair<string, object?>>();
        var forgetSql = $"UPDATE {N(tables.Mapping)} SET {N(tables.Hash)} = NULL, {N(tables.MappingUpdatedOn)} = {P(forget, nowUtc)} " +
                        $"WHERE {NotSeen(forget)} AND {N(tables.Hash)} IS NOT NULL AND {N(tables.MappingEntityId)} IN " +
                        $"(SELECT {N(tables.EntityId)} FROM {N(tables.Entity)} WHERE {Published(forget)})";
        var unpublish = new List<KeyValuePair<string, object?>>();
        var unpublishSql = $"UPDATE {N(tables.Entity)} SET {N(tables.Published)} = {P(unpublish, false)}, " +
                           $"{N(tables.EntityUpdatedOn)} = {P(unpublish, nowUtc)} WHERE {Published(unpublish)} AND {N(tables.EntityId)} IN " +
                           $"(SELECT {N(tables.MappingEntityId)} FROM {N(tables.Mapping)} WHERE {NotSeen(unpublish)})";
        return [new SqlStatement(forgetSql, forget), new SqlStatement(unpublishSql, unpublish)];
    }

    /// <summary>
    /// Adds to counters and sets columns of the rows with one key value, without reading them:
    /// UPDATE … SET c = c + @p, d = @q WHERE key = @k.
    /// </summary>
    public static SqlStatement AddWhereKey(SqlDialect dialect, string table, SqlColumn key, object keyValue,
        IReadOnlyList<(SqlColumn Column, long Amount)> additions, IReadOnlyList<(SqlColumn Column, object? Value)> sets)
    {
        RequireSql(dialect);
        if (additions.Count + sets.Count == 0)
            throw new ArgumentException("Nothing to set", nameof(sets));
        string Name(string name) => QuoteName(dialect, name);
        string Typed(string parameter, SqlColumn of) => TypedParameter(dialect, parameter, of.ClrType);
        var parameters = new List<KeyValuePair<string, object?>>(additions.Count + sets.Count + 1);
        var assignments = additions.Select(a => $"{Name(a.Column.Name)} = {Name(a.Column.Name)} + {Typed(Add(parameters, a.Amount), a.Column)}")
            .Concat(sets.Select(s => $"{Name(s.Column.Name)} = {Typed(Add(parameters, s.Value), s.Column)}"))
            .ToList();
        var sql = new StringBuilder($"UPDATE {Name(table)} SET ").AppendJoin(", ", assignments)
            .Append(" WHERE ").Append(Name(key.Name)).Append(" = ").Append(Typed(Add(parameters, keyValue), key));
        return new SqlStatement(sql.ToString(), parameters);
    }

    /// <summary>SELECT columns FROM table WHERE key = @k: the rows of one key, read by a plain statement.</summary>
    public static SqlStatement SelectWhereKey(SqlDialect dialect, string table, IReadOnlyList<string> columns, SqlColumn key, object keyValue)
    {
        RequireSql(dialect);
        var parameters = new List<KeyValuePair<string, object?>>(1);
        var sql = new StringBuilder("SELECT ").AppendJoin(", ", columns.Select(c => QuoteName(dialect, c)))
            .Append(" FROM ").Append(QuoteName(dialect, table)).Append(" WHERE ").Append(QuoteName(dialect, key.Name))
            .Append(" = ").Append(TypedParameter(dialect, Add(parameters, keyValue), key.ClrType));
        return new SqlStatement(sql.ToString(), parameters);
    }

    private static SqlStatement PostgreSql(string table, List<SqlColumn> columns, object?[][] rows)
    {
        var parameters = new List<KeyValuePair<string, object?>>(rows.Length * columns.Count);
        var names = ParameterNames(parameters, rows, columns.Count);
        var sql = new StringBuilder($"UPDATE {PgName(table)} AS t SET ");
        sql.AppendJoin(", ", columns.Skip(1).Select(c => $"{PgName(c.Name)} = v.{PgName(c.Name)}"));
        sql.Append(" FROM ");
        AppendPgValues(sql, columns, names, c => PgType(columns[c].ClrType));
        sql.Append(" WHERE t.").Append(PgName(columns[0].Name)).Append(" = v.").Append(PgName(columns[0].Name));
        return new SqlStatement(sql.ToString(), parameters);
    }

    private static SqlStatement MySql(string table, List<SqlColumn> columns, object?[][] rows)
    {
        var parameters = new List<KeyValuePair<string, object?>>(rows.Length * columns.Count);
        var names = ParameterNames(parameters, rows, columns.Count);
        var sql = new StringBuilder($"UPDATE {MyName(table)} AS t JOIN ");
        AppendMySqlRows(sql, columns, names);
        sql.Append(" ON t.").Append(MyName(columns[0].Name)).Append(" = v.").Append(MyName(columns[0].Name)).Append(" SET ");
        sql.AppendJoin(", ", columns.Skip(1).Select(c => $"t.{MyName(c.Name)} = v.{MyName(c.Name)}"));
        return new SqlStatement(sql.ToString(), parameters);
    }

    /// <summary>Adds the values of these rows as parameters, row by row; the parameters' names in the rows' shape.</summary>
    private static string[][] ParameterNames(List<KeyValuePair<string, object?>> parameters, IReadOnlyList<object?[]> rows, int columns) =>
        rows.Select(row => Enumerable.Range(0, columns).Select(c => Add(parameters, row[c])).ToArray()).ToArray();

    /// <summary>PostgreSQL's derived table of the rows: (VALUES (CAST(@p0 AS type), …), …) AS v(columns).</summary>
    private static void AppendPgValues(StringBuilder sql, IReadOnlyList<SqlColumn> columns, IReadOnlyList<string[]> names, Func<int, string> type)
    {
        sql.Append("(VALUES ");
        for (var r = 0; r < names.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
                sql.Append(c == 0 ? "" : ", ").Append("CAST(").Append(names[r][c]).Append(" AS ").Append(type(c)).Append(')');
            sql.Append(')');
        }
        sql.Append(") AS v(").AppendJoin(", ", columns.Select(c => PgName(c.Name))).Append(')');
    }

    /// <summary>MySQL's derived table of the rows: (SELECT @p0 AS column, … UNION ALL SELECT …) AS v.</summary>
    private static void AppendMySqlRows(StringBuilder sql, IReadOnlyList<SqlColumn> columns, IReadOnlyList<string[]> names)
    {
        sql.Append('(');
        for (var r = 0; r < names.Count; r++)
        {
            sql.Append(r == 0 ? "SELECT " : " UNION ALL SELECT ");
            for (var c = 0; c < columns.Count; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(names[r][c]);
                if (r == 0)
                    sql.Append(" AS ").Append(MyName(columns[c].Name));
            }
        }
        sql.Append(") AS v");
    }

    private static void RequireSql(SqlDialect dialect)
    {
        if (dialect == SqlDialect.Repository)
            throw new ArgumentException("SQL Server updates go through nopCommerce's repository", nameof(dialect));
    }

    private static string QuoteName(SqlDialect dialect, string name) => dialect == SqlDialect.PostgreSql ? PgName(name) : MyName(name);

    /// <summary>A parameter as the dialect needs it: PostgreSQL casts it to its column type (so a null is typed too).</summary>
    private static string TypedParameter(SqlDialect dialect, string parameter, Type type) =>
        dialect == SqlDialect.PostgreSql ? $"CAST({parameter} AS {PgType(type)})" : parameter;

    private static string Add(List<KeyValuePair<string, object?>> parameters, object? value)
    {
        var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add(new(name, value));
        return "@" + name;
    }

    internal static string PgName(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static string MyName(string name) => "`" + name.Replace("`", "``") + "`";

    /// <summary>The PostgreSQL type nopCommerce's migrations give a property of this type (strings are citext).</summary>
    public static string PgType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t.IsEnum => "integer",
        var t when t == typeof(long) => "bigint",
        var t when t == typeof(short) => "smallint",
        var t when t == typeof(byte) => "smallint",
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(decimal) => "numeric",
        var t when t == typeof(double) => "double precision",
        var t when t == typeof(float) => "real",
        var t when t == typeof(string) => "citext",
        var t when t == typeof(DateTime) => "timestamp",
        var t when t == typeof(Guid) => "uuid",
        var t when t == typeof(byte[]) => "bytea",
        var t => throw new NotSupportedException($"No PostgreSQL type for {t.Name}")
    };
}

/// <summary>The tables and columns (as the store names them) of unpublishing what a full exchange did not carry.</summary>
public sealed record UnpublishTables(string Entity, string EntityId, string Published, string Deleted, string EntityUpdatedOn,
    string Mapping, string MappingType, string MappingEntityId, string LastSeen, string Hash, string MappingUpdatedOn);
