using System.Collections.Concurrent;
using System.Reflection;
using LinqToDB.Data;
using Nop.Core;
using Nop.Core.Events;
using Nop.Data;
using Nop.Data.Mapping;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Updates many rows of a table at once. nopCommerce's list update is one statement per row on PostgreSQL and MySQL
/// (one MERGE on SQL Server): on those two this writes the given columns of all rows in one statement through
/// nopCommerce's data provider (see <see cref="BatchUpdateSql"/>); on SQL Server it is nopCommerce's own list update.
/// Entity events, when asked for, are the ones nopCommerce's repository publishes after an update. It also inserts
/// many rows at once on PostgreSQL (see <see cref="InsertAsync{T}"/>).
/// </summary>
public class SetBasedUpdater
{
    #region Fields

    protected readonly INopDataProvider _dataProvider;
    protected readonly IEventPublisher _eventPublisher;

    #endregion

    #region Ctor

    public SetBasedUpdater(INopDataProvider dataProvider, IEventPublisher eventPublisher)
    {
        _dataProvider = dataProvider;
        _eventPublisher = eventPublisher;
    }

    #endregion

    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo> Properties = new();

    /// <summary>The dialect of the store's database, from nopCommerce's data provider (linq2db's provider name).</summary>
    public virtual SqlDialect Dialect => DialectOf(_dataProvider.ConfigurationName);

    public static SqlDialect DialectOf(string providerName) =>
        providerName.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase) ? SqlDialect.PostgreSql
        : providerName.Contains("MySql", StringComparison.OrdinalIgnoreCase) ? SqlDialect.MySql
        : SqlDialect.Repository;

    /// <summary>
    /// Sets a string property to <paramref name="value"/> on the rows whose <paramref name="typeProperty"/> is
    /// <paramref name="typeValue"/> and whose <paramref name="keyProperty"/> is among <paramref name="keys"/>, without
    /// reading them; false on SQL Server, where the caller reads the rows and updates them through the repository.
    /// </summary>
    public virtual async Task<bool> TrySetWhereKeyInAsync<T>(string typeProperty, int typeValue, string keyProperty,
        IReadOnlyCollection<string> keys, string property, string value) where T : BaseEntity
    {
        var dialect = Dialect;
        if (dialect == SqlDialect.Repository)
            return false;
        var type = typeof(T);
        foreach (var statement in BatchUpdateSql.SetWhereKeyIn(dialect, TableName(type),
                     new SqlColumn(ColumnName(type, typeProperty), typeof(int)), typeValue,
                     new SqlColumn(ColumnName(type, keyProperty), typeof(string)), keys,
                     new SqlColumn(ColumnName(type, property), typeof(string)), value))
            await ExecuteAsync(statement);
        return true;
    }

    /// <summary>
    /// Unpublishes the published entities of type <typeparamref name="T"/> whose mapping rows of a kind were not seen
    /// in a session, and forgets those rows' hashes, in two statements without reading the rows (see
    /// <see cref="BatchUpdateSql.UnpublishNotSeen"/>); the number unpublished, or null on SQL Server, where the caller
    /// pages through the rows with the repository.
    /// </summary>
    public virtual async Task<int?> TryUnpublishNotSeenAsync<T>(int entityTypeId, string sessionId, DateTime nowUtc) where T : BaseEntity
    {
        var dialect = Dialect;
        if (dialect == SqlDialect.Repository)
            return null;
        var entity = typeof(T);
        var mapping = typeof(OneCMapping);
        var tables = new UnpublishTables(TableName(entity), ColumnName(entity, nameof(BaseEntity.Id)), ColumnName(entity, "Published"),
            ColumnName(entity, "Deleted"), ColumnName(entity, "UpdatedOnUtc"), TableName(mapping),
            ColumnName(mapping, nameof(OneCMapping.EntityTypeId)), ColumnName(mapping, nameof(OneCMapping.EntityId)),
            ColumnName(mapping, nameof(OneCMapping.LastSeenSessionId)), ColumnName(mapping, nameof(OneCMapping.ContentHash)),
            ColumnName(mapping, nameof(OneCMapping.UpdatedOnUtc)));
        var unpublished = 0;
        foreach (var statement in BatchUpdateSql.UnpublishNotSeen(dialect, tables, entityTypeId, sessionId, nowUtc))
            unpublished = await ExecuteAsync(statement);
        return unpublished;
    }

    /// <summary>
    /// Adds to counters and sets properties of the rows whose <paramref name="keyProperty"/> is <paramref name="keyValue"/>
    /// in one statement, without reading them; the rows changed, or null on SQL Server (the caller reads and updates).
    /// </summary>
    public virtual async Task<int?> TryAddWhereKeyAsync<T>(string keyProperty, string keyValue,
        IReadOnlyList<(string Property, long Amount)> additions, IReadOnlyList<(string Property, object? Value)> sets) where T : BaseEntity
    {
        var dialect = Dialect;
        if (dialect == SqlDialect.Repository)
            return null;
        var type = typeof(T);
        SqlColumn Column(string property) => new(ColumnName(type, property),
            (type.GetProperty(property) ?? throw new ArgumentException($"{type.Name} has no property {property}")).PropertyType);
        var statement = BatchUpdateSql.AddWhereKey(dialect, TableName(type), Column(keyProperty), keyValue,
            additions.Select(a => (Column(a.Property), a.Amount)).ToList(), sets.Select(s => (Column(s.Property), s.Value)).ToList());
        return await ExecuteAsync(statement);
    }

    /// <summary>
    /// The rows whose <paramref name="keyProperty"/> is <paramref name="keyValue"/>, read by one plain statement (a LINQ
    /// query is translated again on every call), every column but those of <paramref name="leftOut"/> (their properties
    /// keep their defaults); null on SQL Server, where the caller queries through the repository.
    /// </summary>
    public virtual async Task<IList<T>?> TryQueryWhereKeyAsync<T>(string keyProperty, string keyValue, IReadOnlyCollection<string> leftOut)
        where T : BaseEntity
    {
        var dialect = Dialect;
        if (dialect == SqlDialect.Repository)
            return null;
        var type = typeof(T);
        var columns = type.GetProperties().Where(p => IsColumn(p) && !leftOut.Contains(p.Name)).Select(p => ColumnName(type, p.Name)).ToList();
        var statement = BatchUpdateSql.SelectWhereKey(dialect, TableName(type), columns,
            new SqlColumn(ColumnName(type, keyProperty), typeof(string)), keyValue);
        return await _dataProvider.QueryAsync<T>(statement.Sql, Parameters(statement));
    }

    /// <summary>
    /// Sets columns of the rows matched on <paramref name="match"/> without reading them (see
    /// <see cref="BatchUpdateSql.BuildMatched"/>): each row holds the match values, then the values of
    /// <paramref name="columns"/>; <paramref name="constants"/> go to every matched row. The number of rows matched, or
    /// null on SQL Server, where the caller reads and updates through the repository.
    /// </summary>
    public virtual async Task<int?> TryUpdateMatchedAsync<T>(IReadOnlyList<string> match, IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows, IReadOnlyList<(string Property, object? Value)> constants) where T : BaseEntity
    {
        var dialect = Dialect;
        if (dialect == SqlDialect.Repository)
            return null;
        if (rows.Count == 0)
            return 0;
        var type = typeof(T);
        SqlColumn Column(string property) => new(ColumnName(type, property),
            (type.GetProperty(property) ?? throw new ArgumentException($"{type.Name} has no property {property}")).PropertyType);
        var matched = 0;
        foreach (var statement in BatchUpdateSql.BuildMatched(dialect, TableName(type), match.Select(Column).ToList(),
                     columns.Select(Column).ToList(), rows, constants.Select(c => (Column(c.Property), c.Value)).ToList()))
            matched += await ExecuteAsync(statement);
        return matched;
    }

    /// <summary>Runs one statement through nopCommerce's data provider; the rows it changed.</summary>
    protected virtual Task<int> ExecuteAsync(SqlStatement statement) =>
        _dataProvider.ExecuteNonQueryAsync(statement.Sql, Parameters(statement));

    private static DataParameter[] Parameters(SqlStatement statement) =>
        statement.Parameters.Select(p => new DataParameter(p.Key, p.Value ?? DBNull.Value)).ToArray();

    private static readonly HashSet<Type> ColumnTypes =
        [typeof(int), typeof(long), typeof(string), typeof(bool), typeof(decimal), typeof(DateTime), typeof(byte[]), typeof(Guid)];

    /// <summary>
    /// Whether nopCommerce maps the property to a column: a writable property of a column type (its migrations map
    /// those alone), so a wrapper such as Product.ManageInventoryMethod (over ManageInventoryMethodId) is left out.
    /// </summary>
    protected static bool IsColumn(PropertyInfo property) =>
        property.CanWrite && ColumnTypes.Contains(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)
        && !property.GetCustomAttributes(true).Any(a => a.GetType().Name is "NotMappedAttribute" or "NotColumnAttribute");

    /// <summary>The entity's table as nopCommerce names it.</summary>
    protected virtual string TableName(Type entityType) => NameCompatibilityManager.GetTableName(entityType);

    /// <summary>The property's column as nopCommerce names it.</summary>
    protected virtual string ColumnName(Type entityType, string propertyName) =>
        NameCompatibilityManager.GetColumnName(entityType, propertyName);

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> InsertedProperties = new();

    /// <summary>
    /// Inserts <paramref name="entities"/> and gives them their ids. nopCommerce's list insert spells every value into
    /// a multi-row INSERT; on PostgreSQL this takes the ids from the table's sequence and inserts all rows with one array
    /// parameter per column (see <see cref="BatchInsertSql"/>); elsewhere it is nopCommerce's own list insert. Entity
    /// events, when asked for, are the ones nopCommerce's repository publishes after an insert.
    /// </summary>
    public virtual async Task InsertAsync<T>(IRepository<T> repository, IList<T> entities, bool publishEvents) where T : BaseEntity
    {
        if (entities.Count == 0)
            return;
        if (Dialect != SqlDialect.PostgreSql)
        {
            await repository.InsertAsync(entities, publishEvents);
            return;
        }

        var type = typeof(T);
        var table = TableName(type);
        var ids = BatchInsertSql.NextIds(table, ColumnName(type, nameof(BaseEntity.Id)), entities.Count);
        var newIds = await _dataProvider.QueryAsync<int>(ids.Sql, Parameters(ids));
        if (newIds.Count != entities.Count)
            throw new InvalidOperationException($"The sequence of {table} gave {newIds.Count} ids for {entities.Count} rows");
        for (var i = 0; i < entities.Count; i++)
            entities[i].Id = newIds[i];

        // The Id first, then every property nopCommerce maps to a column (as its migrations create the table).
        var properties = InsertedProperties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.Name == nameof(BaseEntity.Id) || (p.DeclaringType != typeof(BaseEntity) && IsColumn(p)))
            .OrderBy(p => p.Name != nameof(BaseEntity.Id)).ToArray());
        var columns = properties.Select(p => new SqlColumn(ColumnName(type, p.Name), p.PropertyType)).ToList();
        var getters = properties.Select(PropertyGetters.Of).ToArray();
        var rows = entities.Select(e => Array.ConvertAll(getters, get => get(e))).ToList();
        await ExecuteAsync(BatchInsertSql.Insert(table, columns, rows));

        if (!publishEvents)
            return;
        foreach (var entity in entities)
            await _eventPublisher.PublishAsync(new EntityInsertedEvent<T>(entity));
    }

    /// <summary>Writes the named properties of <paramref name="entities"/> (by Id); the other columns stay as they are.</summary>
    public virtual async Task UpdateAsync<T>(IRepository<T> repository, IList<T> entities, IReadOnlyCollection<string> properties,
        bool publishEvents) where T : BaseEntity
    {
        if (entities.Count == 0)
            return;
        var dialect = Dialect;
        if (dialect == SqlDialect.Repository || properties.Count == 0)
        {
            await repository.UpdateAsync(entities, publishEvents);
            return;
        }

        var type = typeof(T);
        var accessors = properties.Distinct().Select(name => Properties.GetOrAdd((type, name), key =>
            key.Item1.GetProperty(key.Item2) ?? throw new ArgumentException($"{key.Item1.Name} has no property {key.Item2}")))
            .Where(IsColumn).ToList();
        if (accessors.Count == 0)
            return;
        var key = new SqlColumn(ColumnName(type, nameof(BaseEntity.Id)), typeof(int));
        var columns = accessors.Select(p => new SqlColumn(ColumnName(type, p.Name), p.PropertyType)).ToList();
        var getters = accessors.Select(PropertyGetters.Of).ToArray();
        var rows = entities.Select(e =>
        {
            var row = new object?[getters.Length + 1];
            row[0] = e.Id;
            for (var i = 0; i < getters.Length; i++)
                row[i + 1] = getters[i](e);
            return row;
        }).ToList();
        foreach (var statement in BatchUpdateSql.Build(dialect, TableName(type), key, columns, rows))
            await ExecuteAsync(statement);

        if (!publishEvents)
            return;
        foreach (var entity in entities)
            await _eventPublisher.PublishAsync(new EntityUpdatedEvent<T>(entity));
    }
}
