using FluentMigrator;
using Nop.Core;
using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Migrations;

/// <summary>
/// The request guards and failed-login records (plugin 1.1): created on install and on the update from 1.0, dropped
/// on uninstall.
/// </summary>
[NopMigration("2026/12/06 22:00:00", "Misc.OneCExchange 1.1 request guards and login failures", MigrationProcessType.NoMatter)]
public class ExchangeGuardMigration : AutoReversingMigration
{
    public override void Up()
    {
        Create.TableFor<OneCRequestGuard>();
        UniqueIndex<OneCRequestGuard>(nameof(OneCRequestGuard.TypeId));

        Create.TableFor<OneCLoginFailure>();
        UniqueIndex<OneCLoginFailure>(nameof(OneCLoginFailure.Address));
    }

    private void UniqueIndex<TEntity>(string property) where TEntity : BaseEntity
    {
        var table = NameCompatibilityManager.GetTableName(typeof(TEntity));
        var column = NameCompatibilityManager.GetColumnName(typeof(TEntity), property);
        Create.Index($"IX_{table}_{column}").OnTable(table).OnColumn(column).Ascending().WithOptions().Unique();
    }
}
