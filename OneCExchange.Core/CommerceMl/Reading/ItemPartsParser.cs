using System.Xml;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl.Reading;

/// <summary>Reads the parts that products and offers share: base unit, characteristics, property values, requisites.</summary>
internal sealed class ItemPartsParser(XmlCursor cursor, ClassifierContext context)
{
    /// <summary>
    /// БазоваяЕдиница in its forms: attributes Код/НаименованиеПолное/МеждународноеСокращение with the short name as text
    /// ("шт"), or (3.1) only the code as text ("796 "); completed from the classifier's units when it knows the code.
    /// </summary>
    public UnitOfMeasure ReadBaseUnit()
    {
        var location = cursor.Here();
        var reader = cursor.Reader;
        var code = Trimmed(reader.GetAttribute("Код"));
        var fullName = Trimmed(reader.GetAttribute("НаименованиеПолное"));
        var international = Trimmed(reader.GetAttribute("МеждународноеСокращение"));
        var shortName = Trimmed(reader.GetAttribute("НаименованиеКраткое"));
        string? text = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    text = Trimmed(reader.Value);
                    reader.Read();
                }
                else if (reader.NodeType == XmlNodeType.Element)
                    reader.Skip();
                else
                    reader.Read();
            }
        }
        reader.Read();

        if (text != null)
        {
            if (code == null && IsDigits(text))
                code = text;
            else
                shortName ??= text;
        }
        if (code != null && context.TryGetUnit(code, out var known))
        {
            shortName ??= known.ShortName;
            fullName ??= known.FullName;
            international ??= known.InternationalAbbreviation;
        }
        return new UnitOfMeasure
        {
            Location = location, Code = code, ShortName = shortName, FullName = fullName, InternationalAbbreviation = international,
        };
    }

    public void ReadCharacteristics(List<Characteristic> characteristics)
    {
        var depth = cursor.Enter();
        while (cursor.NextChild(depth, "ХарактеристикаТовара"))
        {
            string? id = null, name = null, value = null;
            var itemDepth = cursor.Enter();
            while (cursor.NextChild(itemDepth))
            {
                switch (cursor.LocalName)
                {
                    case "Ид": id = cursor.ReadOptionalText(); break;
                    case "Наименование": name = cursor.ReadText().Trim(); break;
                    case "Значение": value = cursor.ReadText().Trim(); break;
                    default: cursor.Skip(); break;
                }
            }
            characteristics.Add(new Characteristic(id, name ?? "", value ?? ""));
        }
    }

    public void ReadRequisites(List<Requisite> requisites)
    {
        var depth = cursor.Enter();
        while (cursor.NextChild(depth, "ЗначениеРеквизита"))
        {
            string? name = null, value = null;
            var itemDepth = cursor.Enter();
            while (cursor.NextChild(itemDepth))
            {
                switch (cursor.LocalName)
                {
                    case "Наименование": name = cursor.ReadText().Trim(); break;
                    case "Значение": value = value == null ? cursor.ReadText() : value + "\n" + cursor.ReadText(); break;
                    default: cursor.Skip(); break;
                }
            }
            if (name != null)
                requisites.Add(new Requisite(name, value ?? ""));
        }
    }

    /// <summary>ЗначенияСвойств, each value resolved against the classifier (unknown ids are kept, with a warning).</summary>
    public void ReadPropertyValues(List<PropertyValue> propertyValues, string ownerId)
    {
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            if (cursor.LocalName is not ("ЗначенияСвойства" or "ЗначениеСвойства"))
            {
                cursor.Skip();
                continue;
            }
            var location = cursor.MarkHere();
            string? propertyId = null;
            List<string>? texts = null;
            var itemDepth = cursor.Enter();
            while (cursor.NextChild(itemDepth))
            {
                switch (cursor.LocalName)
                {
                    case "Ид": propertyId = cursor.ReadOptionalText(); break;
                    case "Значение" or "ИдЗначения":
                        var text = cursor.ReadText();
                        if (!string.IsNullOrWhiteSpace(text))
                            (texts ??= []).Add(text.Trim());
                        break;
                    default: cursor.Skip(); break;
                }
            }
            if (propertyId == null)
            {
                cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderPropertyValueWithoutId, ownerId));
                continue;
            }
            propertyValues.Add(Resolve(propertyId, texts, ownerId, location));
        }
    }

    private PropertyValue Resolve(string propertyId, List<string>? texts, string ownerId, Mark location)
    {
        if (!context.TryGetProperty(propertyId, out var property))
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderPropertyNotDefined, ownerId, propertyId));
            return new PropertyValue { PropertyId = propertyId, Values = Items(texts) };
        }
        if (property.ValueType != PropertyValueType.Reference || texts == null)
            return new PropertyValue { PropertyId = propertyId, PropertyName = property.Name, ValueType = property.ValueType, Values = Items(texts) };

        var items = new PropertyValueItem[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var valueId = texts[i];
            if (property.ReferenceValues != null && property.ReferenceValues.TryGetValue(valueId, out var value))
                items[i] = new PropertyValueItem(value, valueId);
            else
            {
                cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderValueNotInList, ownerId, valueId, property.Name));
                items[i] = new PropertyValueItem(valueId, valueId);
            }
        }
        return new PropertyValue { PropertyId = propertyId, PropertyName = property.Name, ValueType = property.ValueType, Values = items };
    }

    private static PropertyValueItem[] Items(List<string>? texts)
    {
        if (texts == null)
            return [];
        var items = new PropertyValueItem[texts.Count];
        for (var i = 0; i < texts.Count; i++)
            items[i] = new PropertyValueItem(texts[i], null);
        return items;
    }

    private static string? Trimmed(string? text)
    {
        if (text == null)
            return null;
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
            if (!char.IsAsciiDigit(c))
                return false;
        return text.Length > 0;
    }
}
