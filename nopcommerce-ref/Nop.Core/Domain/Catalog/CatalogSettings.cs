using Nop.Core.Configuration;

namespace Nop.Core.Domain.Catalog;

public partial class CatalogSettings : ISettings
{
    public string DefaultCategoryPageSizeOptions { get; set; }

    public int DefaultCategoryPageSize { get; set; }

    public string DefaultManufacturerPageSizeOptions { get; set; }

    public int DefaultManufacturerPageSize { get; set; }
}
