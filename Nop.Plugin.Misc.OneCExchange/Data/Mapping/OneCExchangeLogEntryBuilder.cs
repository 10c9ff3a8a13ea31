using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Mapping;

/// <summary>Column sizes of <see cref="OneCExchangeLogEntry"/>; Error and Messages stay unbounded.</summary>
public class OneCExchangeLogEntryBuilder : NopEntityBuilder<OneCExchangeLogEntry>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(OneCExchangeLogEntry.SessionId)).AsString(OneCExchangeSession.SessionIdMaxLength).Nullable()
            .WithColumn(nameof(OneCExchangeLogEntry.Mode)).AsString(OneCExchangeLogEntry.ModeMaxLength).NotNullable()
            .WithColumn(nameof(OneCExchangeLogEntry.FileName)).AsString(OneCFileCheckpoint.RelativePathMaxLength).Nullable()
            .WithColumn(nameof(OneCExchangeLogEntry.RemoteAddress)).AsString(OneCExchangeSession.RemoteAddressMaxLength).Nullable()
            .WithColumn(nameof(OneCExchangeLogEntry.Message)).AsString(OneCExchangeLogEntry.MessageMaxLength).Nullable();
    }
}
