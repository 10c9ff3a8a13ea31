using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Mapping;

/// <summary>Column sizes of <see cref="OneCExchangeSession"/>; the other columns are mapped by convention.</summary>
public class OneCExchangeSessionBuilder : NopEntityBuilder<OneCExchangeSession>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(OneCExchangeSession.SessionId)).AsString(OneCExchangeSession.SessionIdMaxLength).NotNullable()
            .WithColumn(nameof(OneCExchangeSession.CookieToken)).AsString(OneCExchangeSession.TokenMaxLength).NotNullable()
            .WithColumn(nameof(OneCExchangeSession.SessId)).AsString(OneCExchangeSession.TokenMaxLength).NotNullable()
            .WithColumn(nameof(OneCExchangeSession.SchemaVersion)).AsString(OneCExchangeSession.SchemaVersionMaxLength).Nullable()
            .WithColumn(nameof(OneCExchangeSession.RemoteAddress)).AsString(OneCExchangeSession.RemoteAddressMaxLength).Nullable()
            .WithColumn(nameof(OneCExchangeSession.LastStepInstance)).AsString(OneCExchangeSession.SessionIdMaxLength).Nullable()
            .WithColumn(nameof(OneCExchangeSession.CatalogState)).AsString(int.MaxValue).Nullable();
    }
}
