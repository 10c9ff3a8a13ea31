using FluentMigrator;
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

        var table = NameCompatibilityManager.GetTableName(typeof(OneCMapping));
        var entityType = NameCompatibilityManager.GetColumnName(typeof(OneCMapping), nameof(OneCMapping.EntityTypeId));
        var oneCId = NameCompatibilityManager.GetColumnName(typeof(OneCMapping), nameof(OneCMapping.OneCId));
        var entityId = NameCompatibilityManager.GetColumnName(typeof(OneCMapping), nameof(OneCMapping.EntityId));

        Create.Index("IX_OneCMapping_EntityTypeId_OneCId").OnTable(table)
            .OnColumn(entityType).Ascending()
            .OnColumn(oneCId).Ascending()
            .WithOptions().Unique();

        Create.Index("IX_OneCMapping_EntityTypeId_EntityId").OnTable(table)
            .OnColumn(entityType).Ascending()
            .OnColumn(entityId).Ascending();
    }
}
