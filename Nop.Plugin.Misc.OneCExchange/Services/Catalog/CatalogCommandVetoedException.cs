namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>An extension vetoed a catalog command; the batch is not applied (the pipeline then isolates the item).</summary>
public class CatalogCommandVetoedException(string message) : Exception(message);
