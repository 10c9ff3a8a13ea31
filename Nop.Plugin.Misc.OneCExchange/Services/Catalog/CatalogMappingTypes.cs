using OneCExchange.Core.Catalog;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// <see cref="Domain.OneCMapping.EntityType"/> values of catalog mappings: 100 + the <see cref="CatalogEntityKind"/>
/// value (the enum only grows at its end), leaving low numbers to other mapped entities (orders...).
/// </summary>
public static class CatalogMappingTypes
{
    private const int Offset = 100;

    public static int Of(CatalogEntityKind kind) => Offset + (int)kind;
}
