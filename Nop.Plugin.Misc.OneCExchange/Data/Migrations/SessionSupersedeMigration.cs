using FluentMigrator;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Migrations;

/// <summary>
/// The update from 1.0: sessions learn that a later checkauth superseded them and which process ran their last step.
/// A fresh install has the columns from the base schema (nop marks this migration applied without running it).
/// </summary>
[NopMigration("2026/12/06 22:00:01", "Misc.OneCExchange 1.1 superseded sessions", MigrationProcessType.Update)]
public class SessionSupersedeMigration : MigrationBase
{
    public override void Up()
    {
        var table = NameCompatibilityManager.GetTableName(typeof(OneCExchangeSession));
        Alter.Table(table)
            .AddColumn(NameCompatibilityManager.GetColumnName(typeof(OneCExchangeSession), nameof(OneCExchangeSession.Superseded)))
            .AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn(NameCompatibilityManager.GetColumnName(typeof(OneCExchangeSession), nameof(OneCExchangeSession.LastStepInstance)))
            .AsString(OneCExchangeSession.SessionIdMaxLength).Nullable();
    }

    /// <summary>Nothing: uninstall drops the whole table through the base schema.</summary>
    public override void Down()
    {
    }
}
