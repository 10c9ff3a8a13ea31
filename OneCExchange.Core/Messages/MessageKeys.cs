namespace OneCExchange.Core.Messages;

/// <summary>
/// The keys of every <see cref="ExchangeMessage"/> Core and the order sink emit. The host shows a message from its locale
/// resource "Plugins.Misc.OneCExchange.Messages.&lt;key&gt;" (a composite format with the message's arguments, en and ru).
/// </summary>
public static class MessageKeys
{
    public const string LabelGroup = "Label.Group";
    public const string LabelProperty = "Label.Property";
    public const string LabelProduct = "Label.Product";
    public const string LabelTaxRate = "Label.TaxRate";
    public const string LabelManufacturer = "Label.Manufacturer";
    public const string LabelPropertyValue = "Label.PropertyValue";
    public const string LabelOffer = "Label.Offer";
    public const string LabelOfferNamed = "Label.OfferNamed";
    public const string LabelWarehouse = "Label.Warehouse";
    public const string LabelProductStock = "Label.ProductStock";
    public const string LabelProductPrice = "Label.ProductPrice";
    public const string LabelAt = "Label.At";
    public const string ItemFailed = "Catalog.ItemFailed";
    public const string ParentGroupMissing = "Catalog.ParentGroupMissing";
    public const string ProductAdoptedBySku = "Catalog.ProductAdoptedBySku";
    public const string ProductGroupMissing = "Catalog.ProductGroupMissing";
    public const string PropertyValueMissing = "Catalog.PropertyValueMissing";
    public const string PicturePathInvalid = "Catalog.PicturePathInvalid";
    public const string PictureFileMissing = "Catalog.PictureFileMissing";
    public const string PictureIdsMissing = "Catalog.PictureIdsMissing";
    public const string NoExchangeRate = "Catalog.NoExchangeRate";
    public const string WarehouseNotMapped = "Catalog.WarehouseNotMapped";
    public const string OffersWithoutProduct = "Catalog.OffersWithoutProduct";
    public const string BatchRejected = "Catalog.BatchRejected";
    public const string StoreFailed = "Catalog.StoreFailed";
    public const string StoreOutcomeMismatch = "Catalog.StoreOutcomeMismatch";
    public const string FileCannotLoad = "File.CannotLoad";
    public const string FileCannotRead = "File.CannotRead";
    public const string FileStoreError = "File.StoreError";
    public const string FileNotCatalog = "File.NotCatalog";
    public const string FileNameInvalid = "File.NameInvalid";
    public const string FileNotUploaded = "File.NotUploaded";
    public const string FileChanged = "File.Changed";
    public const string FileNotLoaded = "File.NotLoaded";
    public const string FileWarning = "File.Warning";
    public const string InvalidPriceTypeMappings = "Settings.InvalidPriceTypeMappings";
    public const string InvalidWarehouseMappings = "Settings.InvalidWarehouseMappings";
    public const string InvalidOrderStatusMappings = "Settings.InvalidOrderStatusMappings";
    public const string UnsupportedOrderFormat = "Settings.UnsupportedOrderFormat";
    public const string OrderNotAnOrder = "Orders.NotAnOrder";
    public const string OrderStoreFailed = "Orders.StoreFailed";
    public const string OrderNotFound = "Orders.NotFound";
    public const string OrderRejected = "Orders.Rejected";
    public const string OrderNote = "Orders.Note";
    public const string OrderNoteNotApplied = "Orders.Note.NotApplied";
    public const string OrderNotePosted = "Orders.Note.Posted";
    public const string OrderNoteNotPosted = "Orders.Note.NotPosted";
    public const string OrderAppliedOneCNumber = "Orders.Applied.OneCNumber";
    public const string OrderAppliedOneCNumberDated = "Orders.Applied.OneCNumberDated";
    public const string OrderAppliedCancelled = "Orders.Applied.Cancelled";
    public const string OrderAppliedPaid = "Orders.Applied.Paid";
    public const string OrderAppliedShipped = "Orders.Applied.Shipped";
    public const string OrderAppliedReadyForPickup = "Orders.Applied.ReadyForPickup";
    public const string OrderAppliedDelivered = "Orders.Applied.Delivered";
    public const string OrderAppliedStatus = "Orders.Applied.Status";
    public const string OrderAppliedStatusFrom1C = "Orders.Applied.StatusFrom1C";
    public const string OrderRejectedCannotCancel = "Orders.Rejected.CannotCancel";
    public const string OrderRejectedCannotMarkPaid = "Orders.Rejected.CannotMarkPaid";
    public const string OrderRejectedCancelledCannotShip = "Orders.Rejected.CancelledCannotShip";
    public const string OrderRejectedShippingNotRequired = "Orders.Rejected.ShippingNotRequired";
    public const string OrderRejectedNothingToShip = "Orders.Rejected.NothingToShip";
    public const string OrderRejectedCancelledStatus = "Orders.Rejected.CancelledStatusNotApplied";
}
