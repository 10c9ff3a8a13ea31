using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl.Reading;

/// <summary>Reads one Предложение (of ПакетПредложений, prices___/rests___ files, or ИзмененияПакетаПредложений).</summary>
internal sealed class OfferParser(XmlCursor cursor, ItemPartsParser parts, ClassifierContext context)
{
    /// <summary>The offer, or null (with a warning) when it has no Ид.</summary>
    public Offer? Read()
    {
        var location = cursor.Here();
        var draft = new OfferDraft();
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
            ReadChild(draft);

        if (draft.Id == null)
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderOfferWithoutId, draft.Name));
            return null;
        }
        var (productId, idCharacteristic) = CommerceMlValues.SplitOfferId(draft.Id);
        return new Offer
        {
            Location = location, Id = draft.Id, ProductId = productId,
            CharacteristicId = idCharacteristic ?? draft.CharacteristicId, VersionNumber = draft.Version, Sku = draft.Sku,
            Barcode = draft.Barcode, Name = draft.Name, BaseUnit = draft.BaseUnit,
            Characteristics = draft.Characteristics ?? [], PropertyValues = draft.PropertyValues ?? [],
            Prices = draft.Prices ?? [], Quantity = draft.Quantity, Stocks = draft.Stocks ?? [], HasPrices = draft.HasPrices,
            HasStock = draft.HasStock, Requisites = draft.Requisites ?? [], IsDeleted = draft.IsDeleted,
        };
    }

    /// <summary>Reads one child element of Предложение into the draft.</summary>
    private void ReadChild(OfferDraft draft)
    {
        switch (cursor.LocalName)
        {
            case "Ид": draft.Id = cursor.ReadOptionalText(); break;
            case "ИдХарактеристики": draft.CharacteristicId = cursor.ReadOptionalText(); break;
            case "НомерВерсии": draft.Version = cursor.ReadOptionalText(); break;
            case "ПометкаУдаления": draft.IsDeleted |= cursor.ReadBoolean() ?? false; break;
            case "Артикул": draft.Sku = cursor.ReadOptionalText(); break;
            case "Штрихкод" or "ШтрихКод": draft.Barcode = cursor.ReadOptionalText(); break;
            case "Наименование": draft.Name = cursor.ReadText().Trim(); break;
            case "БазоваяЕдиница": draft.BaseUnit = parts.ReadBaseUnit(); break;
            case "ХарактеристикиТовара": parts.ReadCharacteristics(draft.Characteristics ??= []); break;
            case "ЗначенияСвойств": parts.ReadPropertyValues(draft.PropertyValues ??= [], draft.Id ?? "offer"); break;
            case "ЗначенияРеквизитов": parts.ReadRequisites(draft.Requisites ??= []); break;
            case "Цены":
                draft.HasPrices = true;
                ReadPrices(draft.Prices ??= [], draft.Id);
                break;
            case "Количество":
                draft.HasStock = true;
                draft.Quantity = cursor.ReadDecimal();
                break;
            case "Склад":
                draft.HasStock = true;
                ReadWarehouseStock(draft.Stocks ??= []);
                break;
            case "Склады":
                draft.HasStock = true;
                ReadWarehouseStocks(draft.Stocks ??= []);
                break;
            case "Остатки":
                draft.HasStock = true;
                draft.Quantity = ReadRests(draft.Stocks ??= []) ?? draft.Quantity;
                break;
            default: cursor.Skip(); break;
        }
    }

    private void ReadPrices(List<OfferPrice> prices, string? offerId)
    {
        var depth = cursor.Enter();
        while (cursor.NextChild(depth, "Цена"))
        {
            var location = cursor.MarkHere();
            string? priceTypeId = null, currency = null, unit = null, presentation = null;
            decimal? perUnit = null, coefficient = null;
            var itemDepth = cursor.Enter();
            while (cursor.NextChild(itemDepth))
            {
                switch (cursor.LocalName)
                {
                    case "ИдТипаЦены": priceTypeId = cursor.ReadOptionalText(); break;
                    case "ЦенаЗаЕдиницу": perUnit = cursor.ReadDecimal(); break;
                    case "Валюта": currency = cursor.ReadOptionalText(); break;
                    case "Единица": unit = cursor.ReadOptionalText(); break;
                    case "Коэффициент": coefficient = cursor.ReadDecimal(); break;
                    case "Представление": presentation = cursor.ReadOptionalText(); break;
                    default: cursor.Skip(); break;
                }
            }
            if (priceTypeId == null || perUnit == null)
            {
                cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderPriceIncomplete, offerId));
                continue;
            }
            if (currency == null && context.TryGetPriceType(priceTypeId, out var priceType))
                currency = priceType.Currency;
            prices.Add(new OfferPrice(priceTypeId, perUnit.Value, currency, unit, coefficient, presentation));
        }
    }

    /// <summary>Склад ИдСклада="..." КоличествоНаСкладе="..." (attributes), or Склад(Ид, Количество) children.</summary>
    private void ReadWarehouseStock(List<WarehouseStock> stocks)
    {
        var location = cursor.MarkHere();
        var reader = cursor.Reader;
        var warehouseId = reader.GetAttribute("ИдСклада")?.Trim();
        var quantityText = reader.GetAttribute("КоличествоНаСкладе");
        decimal? quantity = cursor.ParseDecimal(quantityText, "КоличествоНаСкладе", location);
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Ид": warehouseId ??= cursor.ReadOptionalText(); break;
                case "Количество" or "КоличествоНаСкладе":
                    quantity = cursor.ReadDecimal() ?? quantity;
                    break;
                default: cursor.Skip(); break;
            }
        }
        AddStock(stocks, warehouseId, quantity, location);
    }

    private void ReadWarehouseStocks(List<WarehouseStock> stocks)
    {
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            if (cursor.LocalName == "Склад")
                ReadWarehouseStock(stocks);
            else
                cursor.Skip();
        }
    }

    /// <summary>Остатки/Остаток*: Склад(Ид, Количество) per warehouse, or Количество for the total (returned).</summary>
    private decimal? ReadRests(List<WarehouseStock> stocks)
    {
        decimal? total = null;
        var depth = cursor.Enter();
        while (cursor.NextChild(depth, "Остаток"))
        {
            var restDepth = cursor.Enter();
            while (cursor.NextChild(restDepth))
            {
                switch (cursor.LocalName)
                {
                    case "Склад": ReadWarehouseStock(stocks); break;
                    case "Количество":
                        var quantity = cursor.ReadDecimal();
                        if (quantity != null)
                            total = (total ?? 0) + quantity;
                        break;
                    default: cursor.Skip(); break;
                }
            }
        }
        return total;
    }

    private void AddStock(List<WarehouseStock> stocks, string? warehouseId, decimal? quantity, Mark location)
    {
        if (string.IsNullOrEmpty(warehouseId) || quantity == null)
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderStockIncomplete));
            return;
        }
        stocks.Add(new WarehouseStock(warehouseId, quantity.Value));
    }

    /// <summary>What Read has gathered of one Предложение so far.</summary>
    private sealed class OfferDraft
    {
        public string? Id, CharacteristicId, Version, Sku, Barcode, Name;
        public decimal? Quantity;
        public bool IsDeleted, HasPrices, HasStock;
        public UnitOfMeasure? BaseUnit;
        public List<Characteristic>? Characteristics;
        public List<PropertyValue>? PropertyValues;
        public List<OfferPrice>? Prices;
        public List<WarehouseStock>? Stocks;
        public List<Requisite>? Requisites;
    }
}
