using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Mapping;

/// <summary>Column sizes of <see cref="OneCFileCheckpoint"/>; the other columns are mapped by convention.</summary>
public class OneCFileCheckpointBuilder : NopEntityBuilder<OneCFileCheckpoint>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(OneCFileCheckpoint.SessionId)).AsString(OneCExchangeSession.SessionIdMaxLength).NotNullable()
            .WithColumn(nameof(OneCFileCheckpoint.RelativePath)).AsString(OneCFileCheckpoint.RelativePathMaxLength).NotNullable();
    }
}
