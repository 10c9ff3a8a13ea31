namespace OneCExchange.Core.Exchange;

/// <summary>The kind of exchange 1C starts: ?type=catalog, ?type=sale, ?type=get_catalog (the store's catalog to 1C),
/// or ?type=listen (1C waits for orders). Stored as int: never renumber.</summary>
public enum ExchangeType { Catalog, Sale, GetCatalog, Listen }
