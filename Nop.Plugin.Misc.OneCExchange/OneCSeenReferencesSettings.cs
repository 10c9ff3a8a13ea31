using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.OneCExchange;

/// <summary>
/// What 1C has actually sent (written by the exchange, not by the configure page): its price types and warehouses from
/// the last classifier and offers, and the order statuses of its order documents, so the configure page can offer them
/// for mapping. Each is a list of <see cref="Services.Mappings.SeenReferenceList"/> lines.
/// </summary>
public class OneCSeenReferencesSettings : ISettings
{
    public string PriceTypes { get; set; } = "";

    public string Warehouses { get; set; } = "";

    public string OrderStatuses { get; set; } = "";
}
