using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Mapping;

/// <summary>Column sizes of <see cref="OneCOrderExport"/>; the other columns are mapped by convention.</summary>
public class OneCOrderExportBuilder : NopEntityBuilder<OneCOrderExport>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(OneCOrderExport.HandedOutSessionId)).AsString(OneCExchangeSession.SessionIdMaxLength).Nullable()
            .WithColumn(nameof(OneCOrderExport.Number1C)).AsString(OneCOrderExport.DocumentNumberMaxLength).Nullable()
            .WithColumn(nameof(OneCOrderExport.PaymentNumber1C)).AsString(OneCOrderExport.DocumentNumberMaxLength).Nullable()
            .WithColumn(nameof(OneCOrderExport.ShipmentNumber1C)).AsString(OneCOrderExport.DocumentNumberMaxLength).Nullable()
            .WithColumn(nameof(OneCOrderExport.Status1C)).AsString(OneCOrderExport.StatusMaxLength).Nullable();
    }
}
