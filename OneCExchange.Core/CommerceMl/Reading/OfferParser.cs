using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl.Reading;

/// <summary>Reads one Предложение (of ПакетПредложений, prices___/rests___ files, or ИзмененияПакетаПредложений).</summary>
internal sealed class OfferParser(XmlCursor cursor, ItemPartsParser parts, ClassifierContext context)
{
    public Offer? Read()
    {
        var location = cursor.Here();
        string? id = null, characteristicId = null, version = null, sku = null, barcode = null, name = null;
        decimal? quantity = null;
        var deleted = false;
        bool hasPrices = false, hasStock = false;
        UnitOfMeasure? baseUnit = null;
        List<Characteristic>? characteristics = null;
        List<PropertyValue>? propertyValues = null;
        List<OfferPrice>? prices = null;
        List<WarehouseStock>? stocks = null;
        List<Requisite>? requisites = null;

        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Ид": id = cursor.ReadOptionalText(); break;
                case "ИдХарактеристики": characteristicId = cursor.ReadOptionalText(); break;
                case "НомерВерсии": version = cursor.ReadOptionalText(); break;
                case "ПометкаУдаления": deleted |= cursor.ReadBoolean() ?? false; break;
                case "Артикул": sku = cursor.ReadOptionalText(); break;
                case "Штрихкод" or "ШтрихКод": barcode = cursor.ReadOptionalText(); break;
                case "Наименование": name = cursor.ReadText().Trim(); break;
                case "БазоваяЕдиница": baseUnit = parts.ReadBaseUnit(); break;
                case "ХарактеристикиТовара": parts.ReadCharacteristics(characteristics ??= []); break;
                case "ЗначенияСвойств": parts.ReadPropertyValues(propertyValues ??= [], id ?? "offer"); break;
                case "ЗначенияРеквизитов": parts.ReadRequisites(requisites ??= []); break;
                case "Цены":
                    hasPrices = true;
                    ReadPrices(prices ??= [], id);
                    break;
                case "Количество":
                    hasStock = true;
                    quantity = cursor.ReadDecimal();
                    break;
                case "Склад":
                    hasStock = true;
                    ReadWarehouseStock(stocks ??= []);
                    break;
                case "Склады":
                    hasStock = true;
                    ReadWarehouseStocks(stocks ??= []);
                    break;
                case "Остатки":
                    hasStock = true;
                    quantity = ReadRests(stocks ??= []) ?? quantity;
                    break;
                default: cursor.Skip(); break;
            }
        }

        if (id == null)
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderOfferWithoutId, name));
            return null;
        }
        var (productId, idCharacteristic) = CommerceMlValues.SplitOfferId(id);
        return new Offer
        {
            Location = location, Id = id, ProductId = productId, CharacteristicId = idCharacteristic ?? characteristicId,
            VersionNumber = version, Sku = sku, Barcode = barcode, Name = name, BaseUnit = baseUnit,
            Characteristics = characteristics ?? [], PropertyValues = propertyValues ?? [], Prices = prices ?? [],
            Quantity = quantity, Stocks = stocks ?? [], HasPrices = hasPrices, HasStock = hasStock,
            Requisites = requisites ?? [], IsDeleted = deleted,
        };
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
}
