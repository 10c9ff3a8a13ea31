using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Mapping;

/// <summary>Column sizes of <see cref="OneCExchangeLogRecord"/>; the other columns are mapped by convention.</summary>
public class OneCExchangeLogRecordBuilder : NopEntityBuilder<OneCExchangeLogRecord>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(OneCExchangeLogRecord.SessionId)).AsString(OneCExchangeSession.SessionIdMaxLength).NotNullable()
            .WithColumn(nameof(OneCExchangeLogRecord.RemoteAddress)).AsString(OneCExchangeSession.RemoteAddressMaxLength).Nullable()
            .WithColumn(nameof(OneCExchangeLogRecord.LastMessage)).AsString(OneCExchangeLogRecord.LastMessageMaxLength).Nullable();
    }
}
