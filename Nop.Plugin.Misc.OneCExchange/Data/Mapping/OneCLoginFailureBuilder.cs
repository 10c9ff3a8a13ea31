using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Mapping;

/// <summary>Column sizes of <see cref="OneCLoginFailure"/>; the other columns are mapped by convention.</summary>
public class OneCLoginFailureBuilder : NopEntityBuilder<OneCLoginFailure>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table.WithColumn(nameof(OneCLoginFailure.Address)).AsString(OneCLoginFailure.AddressMaxLength).NotNullable();
    }
}
