using FluentMigrator;
using Nop.Core;
using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Migrations;

/// <summary>The plugin's tables, created on install and dropped (reversed) on uninstall.</summary>
[NopMigration("2026/11/27 12:00:00", "Misc.OneCExchange base schema", MigrationProcessType.Installation)]
public class SchemaMigration : AutoReversingMigration
{
    public override void Up()
    {
        Create.TableFor<OneCMapping>();
        Index<OneCMapping>(unique: true, nameof(OneCMapping.EntityTypeId), nameof(OneCMapping.OneCId));
        Index<OneCMapping>(unique: false, nameof(OneCMapping.EntityTypeId), nameof(OneCMapping.EntityId));

        Create.TableFor<OneCExchangeSession>();
        Index<OneCExchangeSession>(unique: true, nameof(OneCExchangeSession.SessionId));
        Index<OneCExchangeSession>(unique: false, nameof(OneCExchangeSession.CookieToken));
        Index<OneCExchangeSession>(unique: false, nameof(OneCExchangeSession.TypeId), nameof(OneCExchangeSession.Completed),
            nameof(OneCExchangeSession.LockExpiresOnUtc));

        Create.TableFor<OneCFileCheckpoint>();
        Index<OneCFileCheckpoint>(unique: true, nameof(OneCFileCheckpoint.SessionId), nameof(OneCFileCheckpoint.RelativePath));

        Create.TableFor<OneCExchangeLogRecord>();
        Index<OneCExchangeLogRecord>(unique: true, nameof(OneCExchangeLogRecord.SessionId));
        Index<OneCExchangeLogRecord>(unique: false, nameof(OneCExchangeLogRecord.LastRequestOnUtc));
        Index<OneCExchangeLogRecord>(unique: false, nameof(OneCExchangeLogRecord.StartedOnUtc));

        Create.TableFor<OneCExchangeLogEntry>();
        Index<OneCExchangeLogEntry>(unique: false, nameof(OneCExchangeLogEntry.SessionId));
        Index<OneCExchangeLogEntry>(unique: false, nameof(OneCExchangeLogEntry.StartedOnUtc));

        Create.TableFor<OneCOrderChange>();
        Index<OneCOrderChange>(unique: true, nameof(OneCOrderChange.OrderId));

        Create.TableFor<OneCOrderExport>();
        Index<OneCOrderExport>(unique: true, nameof(OneCOrderExport.OrderId));
        Index<OneCOrderExport>(unique: false, nameof(OneCOrderExport.HandedOutSessionId));
    }

    /// <summary>The name the plugin gives an index of these properties: IX_table_column_column.</summary>
    public static string IndexName<TEntity>(params string[] properties) where TEntity : BaseEntity =>
        $"IX_{NameCompatibilityManager.GetTableName(typeof(TEntity))}_" +
        string.Join("_", properties.Select(p => NameCompatibilityManager.GetColumnName(typeof(TEntity), p)));

    private void Index<TEntity>(bool unique, params string[] properties) where TEntity : BaseEntity
    {
        var table = NameCompatibilityManager.GetTableName(typeof(TEntity));
        var columns = properties.Select(p => NameCompatibilityManager.GetColumnName(typeof(TEntity), p)).ToList();
        var index = Create.Index(IndexName<TEntity>(properties)).OnTable(table);
        var column = index.OnColumn(columns[0]).Ascending();
        foreach (var next in columns.Skip(1))
            column = column.OnColumn(next).Ascending();
        if (unique)
            column.WithOptions().Unique();
    }
}
