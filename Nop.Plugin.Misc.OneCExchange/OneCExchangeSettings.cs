using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.OneCExchange;

/// <summary>Settings of the 1C exchange (store-wide: saved for store 0).</summary>
public class OneCExchangeSettings : ISettings
{
    #region General

    public bool Enabled { get; set; }

    /// <summary>The exchange login 1C sends (HTTP Basic); not a store account.</summary>
    public string Login { get; set; } = "";

    /// <summary>The exchange password, hashed with OneCExchange.Core.Security.PasswordHasher; never shown back.</summary>
    public string PasswordHash { get; set; } = "";

    public bool UseZip { get; set; } = true;

    public int FileSizeLimitBytes { get; set; } = 8_388_608;

    public int StepTimeBudgetSeconds { get; set; } = 20;

    /// <summary>IPs or CIDR networks, comma or newline separated; empty allows any address.</summary>
    public string AllowedIpAddresses { get; set; } = "";

    public int MaxFailedLoginAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>"utf-8" or "windows-1251".</summary>
    public string ResponseEncoding { get; set; } = "utf-8";

    public int LogRetentionDays { get; set; } = 30;

    /// <summary>Where uploads wait for import; empty means App_Data/OneCExchange. On a web farm: a folder all nodes share.</summary>
    public string StagingFolder { get; set; } = "";

    /// <summary>The most one uploaded zip may unpack to.</summary>
    public int MaxUnpackedZipMegabytes { get; set; } = 2048;

    #endregion

    #region Catalog

    /// <summary>Lines "&lt;1C price type id or name&gt;=Price|OldPrice|ProductCost|Tier:&lt;customer role system name&gt;".</summary>
    public string PriceTypeMappings { get; set; } = "";

    /// <summary>Lines "&lt;1C warehouse id or name&gt;=&lt;store warehouse id&gt;".</summary>
    public string WarehouseMappings { get; set; } = "";

    public bool CreateWarehouses { get; set; }

    /// <summary>The 1C property holding the manufacturer; empty means "Изготовитель".</summary>
    public string ManufacturerPropertyName { get; set; } = "";

    /// <summary>0 leaves items missing from a full exchange alone, 1 unpublishes them.</summary>
    public int MissingItemsAction { get; set; } = 1;

    public bool AdoptProductsBySku { get; set; }

    /// <summary>Create a product for an offer whose product the store does not have (offers-only packages).</summary>
    public bool CreateProductsFromOffers { get; set; }

    public bool UpdateProductNames { get; set; } = true;

    public bool UpdateProductDescriptions { get; set; } = true;

    public bool UpdateCategories { get; set; } = true;

    public bool UpdatePictures { get; set; } = true;

    public bool UpdatePrices { get; set; } = true;

    public bool UpdateStock { get; set; } = true;

    public bool PublishNewProducts { get; set; } = true;

    /// <summary>
    /// nopCommerce's entity events for every row written. Off by default: the caches those events would clear are
    /// cleared once per batch and extensions get the plugin's batch events, instead of every consumer called per row.
    /// </summary>
    public bool PublishEntityEvents { get; set; }

    #endregion

    #region Orders

    public string OrderSchemaVersion { get; set; } = "2.08";

    public string OrderEncoding { get; set; } = "utf-8";

    /// <summary>Order status ids to export; empty exports all.</summary>
    public List<int> ExportOrderStatusIds { get; set; } = [];

    public bool ExportPaidOrdersOnly { get; set; }

    /// <summary>Orders sent in one mode=query answer; the rest go in the next exchanges.</summary>
    public int MaxOrdersPerQuery { get; set; } = 500;

    public DateTime? ExportOrdersFromUtc { get; set; }

    public string InnCustomerAttributeName { get; set; } = "";

    public string KppCustomerAttributeName { get; set; } = "";

    /// <summary>Lines "&lt;1C status&gt;=Pending|Processing|Complete|Cancelled".</summary>
    public string OrderStatusMappings { get; set; } = "";

    public bool NotifyCustomerOnStatusChange { get; set; } = true;

    #endregion

    #region Listen and catalog export

    /// <summary>type=listen waits this long (seconds) for an order before answering 304.</summary>
    public int ListenTimeoutSeconds { get; set; } = 60;

    /// <summary>At most this many listens wait at once; the next one is answered 304 at once.</summary>
    public int MaxWaitingListens { get; set; } = 10;

    /// <summary>type=get_catalog: products (then their offers) per answer.</summary>
    public int CatalogExportPageSize { get; set; } = 100;

    /// <summary>type=get_catalog: write the products' picture URLs.</summary>
    public bool ExportPictures { get; set; } = true;

    #endregion

    #region Mappings picked on the configure page

    // Lines in the formats above, one per 1C price type, warehouse or order status 1C has sent that the administrator
    // picked a target for (see OneCSeenReferencesSettings); they win over the typed lines, which stay as a fallback.

    public string PickedPriceTypeMappings { get; set; } = "";

    public string PickedWarehouseMappings { get; set; } = "";

    public string PickedOrderStatusMappings { get; set; } = "";

    #endregion
}
