using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Mapping;

/// <summary>Column sizes of <see cref="OneCRequestGuard"/>; the other columns are mapped by convention.</summary>
public class OneCRequestGuardBuilder : NopEntityBuilder<OneCRequestGuard>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table.WithColumn(nameof(OneCRequestGuard.HolderId)).AsString(OneCRequestGuard.HolderMaxLength).NotNullable();
    }
}
