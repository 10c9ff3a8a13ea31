using Nop.Core.Events;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;

namespace OneCExchange.Tests.Fakes;

/// <summary>
/// The set-based updater with nopCommerce's default names (table = entity type, column = property), which the store's
/// NameCompatibilityManager gives for every table the exchange writes; the compile-time reference has no body for it.
/// </summary>
public sealed class ConventionNamedUpdater(FakeDataProvider dataProvider, IEventPublisher eventPublisher)
    : SetBasedUpdater(dataProvider, eventPublisher)
{
    protected override string TableName(Type entityType) => entityType.Name;

    protected override string ColumnName(Type entityType, string propertyName) => propertyName;
}
