using FluentMigrator;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Migrations;

/// <summary>
/// Drops the mapping table's index on (EntityTypeId, LastSeenSessionId) that earlier versions created. A full exchange
/// marks every row it carried as seen by the session, 100,000 rows for 100,000 products even when nothing changed; with
/// the session id in an index, each mark was a new row version with a new entry in every index of the table (and dead
/// rows for the autovacuum to clean), where without it PostgreSQL updates the row in place (HOT, in the room the fill
/// factor leaves). The readers of that column do not need it: the completion reads the rows not seen page by page by
/// Id, and the count of rows seen is one query per exchange.
/// </summary>
[NopMigration("2026/12/07 06:40:00", "Misc.OneCExchange 1.1 mapping rows marked seen without an index entry", MigrationProcessType.NoMatter)]
public class MappingSeenIndexMigration : Migration
{
    public override void Up()
    {
        var table = NameCompatibilityManager.GetTableName(typeof(OneCMapping));
        var index = SchemaMigration.IndexName<OneCMapping>(nameof(OneCMapping.EntityTypeId), nameof(OneCMapping.LastSeenSessionId));
        if (Schema.Table(table).Index(index).Exists())
            Delete.Index(index).OnTable(table);
    }

    /// <summary>Nothing: uninstall drops the whole table through the base schema.</summary>
    public override void Down()
    {
    }
}
