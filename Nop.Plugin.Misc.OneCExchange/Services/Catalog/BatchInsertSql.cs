using System.Text;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// The SQL that inserts many rows of one table on PostgreSQL: the ids taken from the table's sequence first (as
/// nopCommerce's bulk insert takes them), then one statement with one array parameter per column, unnested into rows.
/// The statement's text does not grow with the rows, so PostgreSQL parses and plans it once per batch in constant time
/// (linq2db's multi-row INSERT spells every value of every row into the text, and planning it cost more than running it).
/// </summary>
public static class BatchInsertSql
{
    /// <summary>
    /// <paramref name="count"/> new values of the sequence behind <paramref name="idColumn"/>, one row each: the
    /// sequence nopCommerce's own bulk insert takes them from (its mapping names it "table_column_seq").
    /// </summary>
    public static SqlStatement NextIds(string table, string idColumn, int count) => new(
        "SELECT CAST(nextval(CAST(@p0 AS regclass)) AS integer) FROM generate_series(1, @p1)",
        [new("p0", BatchUpdateSql.PgName($"{table}_{idColumn}_seq")), new("p1", count)]);

    /// <summary>INSERT … SELECT * FROM unnest(@p0, @p1, …): parameter i is the array of column i's values.</summary>
    /// <param name="columns">The columns, their values in this order in each row (ids included).</param>
    public static SqlStatement Insert(string table, IReadOnlyList<SqlColumn> columns, IReadOnlyList<object?[]> rows)
    {
        if (columns.Count == 0 || rows.Count == 0)
            throw new ArgumentException("Nothing to insert");
        var parameters = new List<KeyValuePair<string, object?>>(columns.Count);
        var sql = new StringBuilder("INSERT INTO ").Append(BatchUpdateSql.PgName(table)).Append(" (")
            .AppendJoin(", ", columns.Select(c => BatchUpdateSql.PgName(c.Name))).Append(") SELECT * FROM unnest(");
        for (var c = 0; c < columns.Count; c++)
        {
            var name = "p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(new(name, ColumnValues(columns[c].ClrType, rows, c)));
            sql.Append(c == 0 ? "" : ", ").Append("CAST(@").Append(name).Append(" AS ")
                .Append(BatchUpdateSql.PgType(columns[c].ClrType)).Append("[])");
        }
        return new SqlStatement(sql.Append(')').ToString(), parameters);
    }

    /// <summary>
    /// The values of one column as an array of its type (nulls kept). Date-times lose their kind: nopCommerce keeps UTC
    /// in columns without a time zone, and an array of UTC values would be sent as "with time zone" and shifted.
    /// </summary>
    private static Array ColumnValues(Type type, IReadOnlyList<object?[]> rows, int column)
    {
        var values = Array.CreateInstance(type, rows.Count);
        for (var r = 0; r < rows.Count; r++)
            values.SetValue(rows[r][column] is DateTime dateTime ? DateTime.SpecifyKind(dateTime, DateTimeKind.Unspecified) : rows[r][column], r);
        return values;
    }
}
