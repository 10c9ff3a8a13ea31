using FluentMigrator;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Migrations;

/// <summary>
/// The update from an earlier 1.x: sessions keep their catalog state. A fresh install has the column from the base
/// schema (nop marks this migration applied without running it).
/// </summary>
[NopMigration("2026/12/06 23:40:00", "Misc.OneCExchange 1.1 durable catalog session state", MigrationProcessType.Update)]
public class SessionCatalogStateMigration : MigrationBase
{
    public override void Up()
    {
        Alter.Table(NameCompatibilityManager.GetTableName(typeof(OneCExchangeSession)))
            .AddColumn(NameCompatibilityManager.GetColumnName(typeof(OneCExchangeSession), nameof(OneCExchangeSession.CatalogState)))
            .AsString(int.MaxValue).Nullable();
    }

    /// <summary>Nothing: uninstall drops the whole table through the base schema.</summary>
    public override void Down()
    {
    }
}
