using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl.Reading;

/// <summary>Reads the leaf definitions of a classifier: properties, price types, warehouses and units.</summary>
internal sealed class ClassifierItemParser(XmlCursor cursor)
{
    /// <summary>Свойство or СвойствоНоменклатуры; null (with a warning) when it has no Ид.</summary>
    public PropertyDefinition? ReadProperty()
    {
        var location = cursor.Here();
        string? id = null, name = null, type = null;
        bool multiple = false, deleted = false;
        bool? forProducts = null, forOffers = null;
        List<ReferenceValue>? values = null;
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Ид": id = cursor.ReadOptionalText(); break;
                case "Наименование": name = cursor.ReadText().Trim(); break;
                case "ТипЗначений": type = cursor.ReadText(); break;
                case "Множественное": multiple = cursor.ReadBoolean() ?? false; break;
                case "ДляТоваров": forProducts = cursor.ReadBoolean(); break;
                case "ДляПредложений": forOffers = cursor.ReadBoolean(); break;
                case "ПометкаУдаления": deleted = cursor.ReadBoolean() ?? false; break;
                case "ВариантыЗначений": ReadReferenceValues(values ??= []); break;
                default: cursor.Skip(); break;
            }
        }
        if (id == null)
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderPropertyWithoutId));
            return null;
        }
        var valueType = type != null ? CommerceMlValues.ParseValueType(type)
            : values is { Count: > 0 } ? PropertyValueType.Reference : PropertyValueType.String;
        if (type != null && valueType == PropertyValueType.Unknown)
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderUnknownValueType, id, type));
        return new PropertyDefinition
        {
            Location = location, Id = id, Name = name ?? "", ValueType = valueType, ReferenceValues = values ?? [],
            IsMultiple = multiple, ForProducts = forProducts, ForOffers = forOffers, IsDeleted = deleted,
        };
    }

    private void ReadReferenceValues(List<ReferenceValue> values)
    {
        var depth = cursor.Enter();
        while (cursor.NextChild(depth, "Справочник"))
        {
            var location = cursor.Here();
            string? valueId = null, value = null;
            var itemDepth = cursor.Enter();
            while (cursor.NextChild(itemDepth))
            {
                switch (cursor.LocalName)
                {
                    case "ИдЗначения": valueId = cursor.ReadOptionalText(); break;
                    case "Значение": value = cursor.ReadText(); break;
                    default: cursor.Skip(); break;
                }
            }
            if (valueId == null)
            {
                if (!string.IsNullOrWhiteSpace(value))
                    cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderReferenceValueWithoutId, value));
            }
            else
                values.Add(new ReferenceValue(valueId, value ?? ""));
        }
    }

    public PriceType? ReadPriceType()
    {
        var location = cursor.Here();
        string? id = null, name = null, currency = null;
        PriceTax? tax = null;
        var deleted = false;
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Ид": id = cursor.ReadOptionalText(); break;
                case "Наименование": name = cursor.ReadText().Trim(); break;
                case "Валюта": currency = cursor.ReadOptionalText(); break;
                case "Налог": tax = ReadPriceTax(); break;
                case "ПометкаУдаления": deleted = cursor.ReadBoolean() ?? false; break;
                default: cursor.Skip(); break;
            }
        }
        if (id == null)
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderPriceTypeWithoutId));
            return null;
        }
        return new PriceType { Location = location, Id = id, Name = name ?? "", Currency = currency, Tax = tax, IsDeleted = deleted };
    }

    private PriceTax? ReadPriceTax()
    {
        string? name = null;
        var included = false;
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Наименование": name = cursor.ReadOptionalText(); break;
                case "УчтеноВСумме": included = cursor.ReadBoolean() ?? false; break;
                default: cursor.Skip(); break;
            }
        }
        return name == null ? null : new PriceTax(name, included);
    }

    public Warehouse? ReadWarehouse()
    {
        var location = cursor.Here();
        string? id = null, name = null, address = null;
        var deleted = false;
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Ид": id = cursor.ReadOptionalText(); break;
                case "Наименование": name = cursor.ReadText().Trim(); break;
                case "Адрес": address = ReadAddress(); break;
                case "ПометкаУдаления": deleted = cursor.ReadBoolean() ?? false; break;
                default: cursor.Skip(); break;
            }
        }
        if (id == null)
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderWarehouseWithoutId));
            return null;
        }
        return new Warehouse { Location = location, Id = id, Name = name ?? "", Address = address, IsDeleted = deleted };
    }

    /// <summary>Адрес: its Представление child, or its own text.</summary>
    private string? ReadAddress()
    {
        if (cursor.Reader.IsEmptyElement)
        {
            cursor.Reader.Read();
            return null;
        }
        string? presentation = null;
        var depth = cursor.Reader.Depth;
        cursor.Reader.Read();
        while (true)
        {
            var node = cursor.Reader.NodeType;
            if (node == System.Xml.XmlNodeType.EndElement && cursor.Reader.Depth == depth)
            {
                cursor.Reader.Read();
                return presentation;
            }
            if (node == System.Xml.XmlNodeType.Element)
            {
                if (cursor.LocalName == "Представление")
                    presentation = cursor.ReadOptionalText();
                else
                    cursor.Skip();
            }
            else if (node is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA)
            {
                presentation ??= cursor.Reader.Value.Trim();
                cursor.Reader.Read();
            }
            else if (!cursor.Reader.Read())
                return presentation;
        }
    }

    public UnitOfMeasure ReadUnit()
    {
        var location = cursor.Here();
        string? id = null, code = null, shortName = null, fullName = null, international = null;
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Ид": id = cursor.ReadOptionalText(); break;
                case "Код": code = cursor.ReadOptionalText(); break;
                case "НаименованиеКраткое": shortName = cursor.ReadOptionalText(); break;
                case "НаименованиеПолное": fullName = cursor.ReadOptionalText(); break;
                case "МеждународноеСокращение": international = cursor.ReadOptionalText(); break;
                default: cursor.Skip(); break;
            }
        }
        return new UnitOfMeasure
        {
            Location = location, Id = id, Code = code, ShortName = shortName, FullName = fullName,
            InternationalAbbreviation = international,
        };
    }
}
