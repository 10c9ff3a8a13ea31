using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Events;

/// <summary>
/// Published through nopCommerce's event publisher before a catalog command (a product, a category, an offer's prices
/// or stock...) is written. A consumer may enrich it by replacing <see cref="Command"/> with a modified copy
/// (<c>with { ... }</c>; same type, Kind and Key), e.g. using the unknown requisites kept on
/// <see cref="UpsertProduct.Source"/>, or veto it: a vetoed item is reported to the exchange log as failed with the
/// reason and nothing of it is written.
/// </summary>
public class OneCCatalogCommandApplyingEvent(string sessionId, CatalogCommand command)
{
    public string SessionId { get; } = sessionId;

    public CatalogCommand Command { get; set; } = command;

    public string? VetoReason { get; private set; }

    public void Veto(string reason) => VetoReason = string.IsNullOrWhiteSpace(reason) ? "vetoed by an extension" : reason;
}
