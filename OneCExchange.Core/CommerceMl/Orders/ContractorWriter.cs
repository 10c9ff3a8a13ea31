using System.Xml;

namespace OneCExchange.Core.CommerceMl.Orders;

/// <summary>
/// An order's customer as CommerceML's Контрагент: a person (name parts, registration address) or a company (official
/// name, legal address, ИНН/КПП, its contact person as Представитель), with the delivery address and contacts.
/// </summary>
internal sealed class ContractorWriter(XmlWriter xml)
{
    public void Write(ContractorSnapshot customer)
    {
        xml.WriteStartElement("Контрагенты");
        xml.WriteStartElement("Контрагент");
        xml.WriteCleanElement("Ид", customer.Id);
        xml.WriteCleanElement("Наименование", customer.Name);
        if (customer.Kind == ContractorKind.Company)
        {
            xml.WriteCleanElement("ОфициальноеНаименование", customer.FullName ?? customer.Name);
            if (customer.RegistrationAddress != null)
                WriteAddress("ЮридическийАдрес", customer.RegistrationAddress);
            xml.WriteOptionalElement("ИНН", customer.Inn);
            xml.WriteOptionalElement("КПП", customer.Kpp);
        }
        else
        {
            xml.WriteCleanElement("ПолноеНаименование", customer.FullName ?? customer.Name);
            xml.WriteOptionalElement("Фамилия", customer.LastName);
            xml.WriteOptionalElement("Имя", customer.FirstName);
            xml.WriteOptionalElement("Отчество", customer.MiddleName);
            xml.WriteOptionalElement("ИНН", customer.Inn);
            if (customer.RegistrationAddress != null)
                WriteAddress("АдресРегистрации", customer.RegistrationAddress);
        }
        if (customer.DeliveryAddress != null)
            WriteAddress("Адрес", customer.DeliveryAddress);
        WriteContacts(customer);
        if (customer.Kind == ContractorKind.Company && PersonName(customer) is { } contactName)
        {
            // The schema's flat Представитель (as 1C itself writes it), not Bitrix's nested Контрагент.
            xml.WriteStartElement("Представители");
            xml.WriteStartElement("Представитель");
            xml.WriteCleanElement("Ид", customer.Id + "#contact");
            xml.WriteCleanElement("Наименование", contactName);
            xml.WriteCleanElement("ПолноеНаименование", contactName);
            xml.WriteOptionalElement("Фамилия", customer.LastName);
            xml.WriteOptionalElement("Имя", customer.FirstName);
            xml.WriteOptionalElement("Отчество", customer.MiddleName);
            xml.WriteCleanElement("Отношение", "Контактное лицо");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteCleanElement("Роль", "Покупатель");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string? PersonName(ContractorSnapshot customer)
    {
        var name = string.Join(" ", new[] { customer.LastName, customer.FirstName, customer.MiddleName }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
        return name.Length == 0 ? null : name;
    }

    private void WriteContacts(ContractorSnapshot customer)
    {
        if (string.IsNullOrWhiteSpace(customer.Email) && string.IsNullOrWhiteSpace(customer.Phone))
            return;
        xml.WriteStartElement("Контакты");
        if (!string.IsNullOrWhiteSpace(customer.Email))
            WriteTypeValue("Контакт", "Почта", customer.Email);
        if (!string.IsNullOrWhiteSpace(customer.Phone))
            WriteTypeValue("Контакт", "Телефон рабочий", customer.Phone);
        xml.WriteEndElement();
    }

    private void WriteAddress(string elementName, PostalAddressSnapshot address)
    {
        xml.WriteStartElement(elementName);
        xml.WriteCleanElement("Представление", Presentation(address));
        foreach (var (type, value) in AddressParts(address))
            WriteTypeValue("АдресноеПоле", type, value);
        xml.WriteEndElement();
    }

    /// <summary>The address parts in the order of CommerceML's АдресТип, empty ones left out.</summary>
    private static IEnumerable<(string Type, string Value)> AddressParts(PostalAddressSnapshot address)
    {
        (string, string?)[] parts =
        [
            ("Почтовый индекс", address.PostalCode), ("Страна", address.Country), ("Регион", address.Region),
            ("Район", address.District), ("Город", address.City), ("Улица", address.Street), ("Дом", address.House),
            ("Квартира", address.Apartment),
        ];
        foreach (var (type, value) in parts)
            if (!string.IsNullOrWhiteSpace(value))
                yield return (type, value.Trim());
    }

    public static string Presentation(PostalAddressSnapshot address) =>
        !string.IsNullOrWhiteSpace(address.Presentation)
            ? address.Presentation.Trim()
            : string.Join(", ", AddressParts(address).Select(part => part.Value));

    private void WriteTypeValue(string elementName, string type, string value)
    {
        xml.WriteStartElement(elementName);
        xml.WriteCleanElement("Тип", type);
        xml.WriteCleanElement("Значение", value);
        xml.WriteEndElement();
    }
}
