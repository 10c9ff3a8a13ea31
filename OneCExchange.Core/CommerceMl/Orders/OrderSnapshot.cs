using OneCExchange.Core.CommerceMl;

namespace OneCExchange.Core.CommerceMl.Orders;

// Host-neutral snapshots of store orders, built by the host's IOrderSource and written to 1C by OrdersDocumentWriter.
// Dates are the store's local wall-clock time (1C writes and reads Дата/Время without a zone); amounts are in the
// currency named by OrderSnapshot.CurrencyCode, already multiplied by the order's currency rate.

/// <summary>The store's order statuses, by the names used in settings (OrderStatusMappings) and nopCommerce.</summary>
public enum StoreOrderStatus
{
    Pending = 10,
    Processing = 20,
    Complete = 30,
    Cancelled = 40,
}

/// <summary>One order as 1C receives it (a Документ with ХозОперация "Заказ товара").</summary>
public sealed record OrderSnapshot
{
    /// <summary>The store's own order id (the key of the export state and of hand-outs).</summary>
    public required int OrderId { get; init; }

    /// <summary>The Ид written to 1C; 1C sends it back unchanged in its order changes. Must never change for an order
    /// (the plugin uses the order id as text).</summary>
    public required string DocumentId { get; init; }

    /// <summary>Номер: the number the customer sees (the store's custom order number).</summary>
    public required string Number { get; init; }

    /// <summary>Дата and Время: when the order was placed, store local time.</summary>
    public required DateTime CreatedOn { get; init; }

    /// <summary>Валюта as 1C knows it, e.g. "RUB" or "руб".</summary>
    public required string CurrencyCode { get; init; }

    /// <summary>Курс; 1 for the store's primary currency.</summary>
    public decimal CurrencyRate { get; init; } = 1m;

    /// <summary>Сумма: what the customer pays, delivery, discounts and taxes included.</summary>
    public required decimal Total { get; init; }

    /// <summary>Комментарий: the customer's comment, or null.</summary>
    public string? Comment { get; init; }

    public required ContractorSnapshot Customer { get; init; }

    /// <summary>Товары in cart order (the delivery line is added by the writer from <see cref="ShippingCost"/>).</summary>
    public required IReadOnlyList<OrderLineSnapshot> Lines { get; init; }

    /// <summary>Order-level discounts (Документ/Скидки); line discounts are on the lines.</summary>
    public IReadOnlyList<OrderDiscountSnapshot> Discounts { get; init; } = [];

    /// <summary>Delivery price including tax; a line ORDER_DELIVERY (Услуга) is written when it is above zero.</summary>
    public decimal ShippingCost { get; init; }

    /// <summary>VAT of the delivery line, or null when the store charges none.</summary>
    public VatSnapshot? ShippingVat { get; init; }

    public StoreOrderStatus Status { get; init; } = StoreOrderStatus.Pending;

    /// <summary>The status as the store's admin sees it (Статус заказа), e.g. "Pending" or a localized name.</summary>
    public required string StatusName { get; init; }

    /// <summary>Заказ оплачен.</summary>
    public bool IsPaid { get; init; }

    /// <summary>Дата оплаты, store local time, when paid.</summary>
    public DateTime? PaidOn { get; init; }

    /// <summary>Доставка разрешена: the store allows shipping this order (e.g. paid, or payment on delivery).</summary>
    public bool ShippingAllowed { get; init; }

    /// <summary>Отменен.</summary>
    public bool IsCancelled { get; init; }

    /// <summary>Финальный статус: complete or cancelled, nothing will change any more.</summary>
    public bool IsFinal => Status is StoreOrderStatus.Complete or StoreOrderStatus.Cancelled;

    /// <summary>Дата изменения статуса, store local time; null when unknown (the creation date is written then).</summary>
    public DateTime? StatusChangedOn { get; init; }

    /// <summary>Метод оплаты and Метод оплаты ИД (the payment method's system name).</summary>
    public string? PaymentMethodName { get; init; }
    public string? PaymentMethodId { get; init; }

    /// <summary>Способ доставки and Метод доставки ИД (the shipping method's system name or option).</summary>
    public string? ShippingMethodName { get; init; }
    public string? ShippingMethodId { get; init; }

    /// <summary>More document requisites (ЗначенияРеквизитов) a host or an extension adds; written after the standard ones.</summary>
    public IReadOnlyList<Requisite> ExtraRequisites { get; init; } = [];
}

/// <summary>One Товар of an order.</summary>
public sealed record OrderLineSnapshot
{
    /// <summary>The 1C Ид when the product came from 1C: "product" or "product#variant" for a combination; null otherwise.</summary>
    public string? OneCId { get; init; }

    /// <summary>A stable site id for products that did not come from 1C (written as Ид when <see cref="OneCId"/> is null),
    /// e.g. "site-product-15" or "site-product-15#combination-3".</summary>
    public required string SiteId { get; init; }

    /// <summary>ИдКаталога: the Ид of the 1C catalog the product came from (written when known).</summary>
    public string? OneCCatalogId { get; init; }

    /// <summary>The Ид written: the 1C id when known, else the site id.</summary>
    public string DocumentProductId => OneCId ?? SiteId;

    /// <summary>Наименование (product name, with the chosen attributes for a combination).</summary>
    public required string Name { get; init; }

    /// <summary>Артикул.</summary>
    public string? Sku { get; init; }

    /// <summary>БазоваяЕдиница; the writer uses the piece (796, шт) when null.</summary>
    public UnitSnapshot? Unit { get; init; }

    public required decimal Quantity { get; init; }

    /// <summary>ЦенаЗаЕдиницу, tax included, before the line discount.</summary>
    public required decimal UnitPrice { get; init; }

    /// <summary>Сумма: what the line costs, discount subtracted, tax included.</summary>
    public required decimal Sum { get; init; }

    /// <summary>The line's discount amount (0 for none), already subtracted from <see cref="Sum"/>.</summary>
    public decimal Discount { get; init; }

    public VatSnapshot? Vat { get; init; }

    /// <summary>ТипНоменклатуры/ВидНоменклатуры: false for goods ("Товар"), true for services ("Услуга").</summary>
    public bool IsService { get; init; }
}

/// <summary>A unit of measure as 1C's classifier of units (ОКЕИ) knows it.</summary>
/// <param name="Code">Код, e.g. "796".</param>
/// <param name="ShortName">The element text, e.g. "шт".</param>
/// <param name="FullName">НаименованиеПолное, e.g. "Штука".</param>
/// <param name="InternationalAbbreviation">МеждународноеСокращение, e.g. "PCE".</param>
public sealed record UnitSnapshot(string Code, string ShortName, string? FullName, string? InternationalAbbreviation)
{
    public static UnitSnapshot Piece { get; } = new("796", "шт", "Штука", "PCE");
}

/// <summary>VAT of a line: the rate in percent (null for "Без налога") and the tax amount contained in the sum.</summary>
public sealed record VatSnapshot(decimal? RatePercent, decimal Amount, bool IncludedInPrice = true);

/// <summary>Скидка: a named discount amount (and its percent when it is one).</summary>
public sealed record OrderDiscountSnapshot(string Name, decimal Amount, decimal? Percent = null, bool IncludedInTotal = true);

public enum ContractorKind { Person, Company }

/// <summary>The buyer as a 1C contractor (Контрагент, Роль "Покупатель").</summary>
public sealed record ContractorSnapshot
{
    /// <summary>Ид: stable per customer, so that 1C creates a contractor once and finds it again. Registered customers:
    /// derived from the customer (e.g. its GUID); guests: one per order email (e.g. "guest-" + hash of the email).</summary>
    public required string Id { get; init; }

    public ContractorKind Kind { get; init; } = ContractorKind.Person;

    /// <summary>Наименование: the short name (person: "Фамилия Имя", company: its name).</summary>
    public required string Name { get; init; }

    /// <summary>ПолноеНаименование (person) or ОфициальноеНаименование (company); the writer falls back to <see cref="Name"/>.</summary>
    public string? FullName { get; init; }

    public string? LastName { get; init; }
    public string? FirstName { get; init; }
    public string? MiddleName { get; init; }

    /// <summary>ИНН and КПП, for companies when the store collects them (customer attributes named in settings).</summary>
    public string? Inn { get; init; }
    public string? Kpp { get; init; }

    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>АдресРегистрации (person) or ЮридическийАдрес (company): the billing address.</summary>
    public PostalAddressSnapshot? RegistrationAddress { get; init; }

    /// <summary>The shipping address (Адрес, and the document requisite "Адрес доставки").</summary>
    public PostalAddressSnapshot? DeliveryAddress { get; init; }
}

/// <summary>An address in parts; the writer builds Представление and the АдресноеПоле list from the non-empty parts.</summary>
public sealed record PostalAddressSnapshot
{
    public string? PostalCode { get; init; }   // Почтовый индекс
    public string? Country { get; init; }      // Страна
    public string? Region { get; init; }       // Регион
    public string? District { get; init; }     // Район
    public string? City { get; init; }         // Город
    public string? Street { get; init; }       // Улица (the first address line)
    public string? House { get; init; }        // Дом (the second address line)
    public string? Apartment { get; init; }    // Квартира
    /// <summary>Представление; when null the writer joins the parts with ", ".</summary>
    public string? Presentation { get; init; }
}
