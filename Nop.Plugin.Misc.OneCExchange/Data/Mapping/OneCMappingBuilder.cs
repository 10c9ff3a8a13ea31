using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Mapping;

/// <summary>Column sizes of <see cref="OneCMapping"/>; the int and date columns are mapped by convention.</summary>
public class OneCMappingBuilder : NopEntityBuilder<OneCMapping>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(OneCMapping.OneCId)).AsString(OneCMapping.OneCIdMaxLength).NotNullable()
            .WithColumn(nameof(OneCMapping.ContentHash)).AsString(OneCMapping.ContentHashMaxLength).Nullable()
            .WithColumn(nameof(OneCMapping.LastSeenSessionId)).AsString(OneCMapping.SessionIdMaxLength).Nullable();
    }
}
