using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OneCExchange.Models;

/// <summary>The configure page: the settings, plus the exchange addresses to paste into 1C.</summary>
public record ConfigurationModel : BaseNopModel
{
    #region General

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.ExchangeUrl")]
    public string ExchangeUrl { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.BitrixExchangeUrl")]
    public string BitrixExchangeUrl { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.Enabled")]
    public bool Enabled { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.Login")]
    public string Login { get; set; } = "";

    /// <summary>A new exchange password; empty keeps the stored one.</summary>
    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.NewPassword")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    public bool HasPassword { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.UseZip")]
    public bool UseZip { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.FileSizeLimitBytes")]
    public int FileSizeLimitBytes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.StepTimeBudgetSeconds")]
    public int StepTimeBudgetSeconds { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.AllowedIpAddresses")]
    public string AllowedIpAddresses { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.MaxFailedLoginAttempts")]
    public int MaxFailedLoginAttempts { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.LockoutMinutes")]
    public int LockoutMinutes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.ResponseEncoding")]
    public string ResponseEncoding { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.LogRetentionDays")]
    public int LogRetentionDays { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.StagingFolder")]
    public string StagingFolder { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.MaxUnpackedZipMegabytes")]
    public int MaxUnpackedZipMegabytes { get; set; }

    public IList<SelectListItem> AvailableEncodings { get; set; } = [];

    #endregion

    #region Catalog

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.PriceTypeMappings")]
    public string PriceTypeMappings { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.WarehouseMappings")]
    public string WarehouseMappings { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.CreateWarehouses")]
    public bool CreateWarehouses { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.ManufacturerPropertyName")]
    public string ManufacturerPropertyName { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.MissingItemsAction")]
    public int MissingItemsAction { get; set; }

    public IList<SelectListItem> AvailableMissingItemsActions { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.AdoptProductsBySku")]
    public bool AdoptProductsBySku { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.CreateProductsFromOffers")]
    public bool CreateProductsFromOffers { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.UpdateProductNames")]
    public bool UpdateProductNames { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.UpdateProductDescriptions")]
    public bool UpdateProductDescriptions { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.UpdateCategories")]
    public bool UpdateCategories { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.UpdatePictures")]
    public bool UpdatePictures { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.UpdatePrices")]
    public bool UpdatePrices { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.UpdateStock")]
    public bool UpdateStock { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.PublishNewProducts")]
    public bool PublishNewProducts { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.PublishEntityEvents")]
    public bool PublishEntityEvents { get; set; }

    #endregion

    #region Orders

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.OrderSchemaVersion")]
    public string OrderSchemaVersion { get; set; } = "";

    public IList<SelectListItem> AvailableOrderSchemaVersions { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.OrderEncoding")]
    public string OrderEncoding { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.ExportOrderStatusIds")]
    public IList<int> ExportOrderStatusIds { get; set; } = [];

    public IList<SelectListItem> AvailableOrderStatuses { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.ExportPaidOrdersOnly")]
    public bool ExportPaidOrdersOnly { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.MaxOrdersPerQuery")]
    public int MaxOrdersPerQuery { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.ExportOrdersFromUtc")]
    [UIHint("DateTimeNullable")]
    public DateTime? ExportOrdersFromUtc { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.InnCustomerAttributeName")]
    public string InnCustomerAttributeName { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.KppCustomerAttributeName")]
    public string KppCustomerAttributeName { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.OrderStatusMappings")]
    public string OrderStatusMappings { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.NotifyCustomerOnStatusChange")]
    public bool NotifyCustomerOnStatusChange { get; set; }

    #endregion

    #region Listen and catalog export

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.ListenTimeoutSeconds")]
    public int ListenTimeoutSeconds { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.MaxWaitingListens")]
    public int MaxWaitingListens { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.CatalogExportPageSize")]
    public int CatalogExportPageSize { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.ExportPictures")]
    public bool ExportPictures { get; set; }

    #endregion

    #region Mappings picked from what 1C has sent

    // The stored picks (mapping lines); the page shows and posts them as the rows below, never as text.

    public string PickedPriceTypeMappings { get; set; } = "";

    public string PickedWarehouseMappings { get; set; } = "";

    public string PickedOrderStatusMappings { get; set; } = "";

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.PriceTypePicks")]
    public IList<PickedMappingModel> PriceTypePicks { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.WarehousePicks")]
    public IList<PickedMappingModel> WarehousePicks { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.OneCExchange.Fields.OrderStatusPicks")]
    public IList<PickedMappingModel> OrderStatusPicks { get; set; } = [];

    public IList<SelectListItem> AvailablePriceTargets { get; set; } = [];

    public IList<SelectListItem> AvailableWarehouseTargets { get; set; } = [];

    public IList<SelectListItem> AvailableOrderStatusTargets { get; set; } = [];

    #endregion
}

/// <summary>A 1C price type, warehouse or order status 1C has sent, and the target picked for it ("" = not set).</summary>
public record PickedMappingModel
{
    public string Source { get; set; } = "";

    public string Name { get; set; } = "";

    public string Target { get; set; } = "";
}
