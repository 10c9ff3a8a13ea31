using FluentValidation.Results;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Validators;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.Plugin;

public class ConfigurationValidatorTests
{
    private const string Fields = "Plugins.Misc.OneCExchange.Fields.";

    /// <summary>The page as a fresh install shows it (settings defaults), enabled with credentials.</summary>
    private static ConfigurationModel ValidModel()
    {
        var settings = new OneCExchangeSettings();
        return new ConfigurationModel
        {
            Enabled = true,
            Login = "exchange",
            NewPassword = "secret",
            UseZip = settings.UseZip,
            FileSizeLimitBytes = settings.FileSizeLimitBytes,
            StepTimeBudgetSeconds = settings.StepTimeBudgetSeconds,
            MaxOrdersPerQuery = settings.MaxOrdersPerQuery,
            AllowedIpAddresses = settings.AllowedIpAddresses,
            MaxFailedLoginAttempts = settings.MaxFailedLoginAttempts,
            LockoutMinutes = settings.LockoutMinutes,
            ResponseEncoding = settings.ResponseEncoding,
            LogRetentionDays = settings.LogRetentionDays,
            MaxUnpackedZipMegabytes = settings.MaxUnpackedZipMegabytes,
            MissingItemsAction = settings.MissingItemsAction,
            OrderSchemaVersion = settings.OrderSchemaVersion,
            OrderEncoding = settings.OrderEncoding,
            ListenTimeoutSeconds = settings.ListenTimeoutSeconds,
            MaxWaitingListens = settings.MaxWaitingListens,
            CatalogExportPageSize = settings.CatalogExportPageSize,
            ExportPictures = settings.ExportPictures
        };
    }

    private static ValidationResult Validate(ConfigurationModel model) =>
        new ConfigurationValidator(new FakeLocalizationService()).Validate(model);

    private static IEnumerable<string> ErrorsOf(ValidationResult result, string property) =>
        result.Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage);

    [Test]
    public void Defaults_with_credentials_are_valid()
    {
        var result = Validate(ValidModel());
        Assert.That(result.Errors.Select(e => e.ErrorMessage), Is.Empty);
    }

    [Test]
    public void Disabled_exchange_needs_no_credentials()
    {
        var model = ValidModel() with { Enabled = false, Login = "", NewPassword = "" };
        Assert.That(Validate(model).IsValid, Is.True);
    }

    [Test]
    public void Enabled_exchange_needs_a_login()
    {
        var result = Validate(ValidModel() with { Login = "" });
        Assert.That(ErrorsOf(result, nameof(ConfigurationModel.Login)), Is.EqualTo(new[] { Fields + "Login.Required" }));
    }

    [Test]
    public void Enabled_exchange_needs_a_password_unless_one_is_stored()
    {
        var withoutStored = Validate(ValidModel() with { NewPassword = "", HasPassword = false });
        var withStored = Validate(ValidModel() with { NewPassword = "", HasPassword = true });
        Assert.Multiple(() =>
        {
            Assert.That(ErrorsOf(withoutStored, nameof(ConfigurationModel.NewPassword)), Is.EqualTo(new[] { Fields + "NewPassword.Required" }));
            Assert.That(withStored.IsValid, Is.True);
        });
    }

    [TestCase(nameof(ConfigurationModel.FileSizeLimitBytes), ConfigurationValidator.MinFileSizeLimitBytes - 1)]
    [TestCase(nameof(ConfigurationModel.FileSizeLimitBytes), ConfigurationValidator.MaxFileSizeLimitBytes + 1)]
    [TestCase(nameof(ConfigurationModel.StepTimeBudgetSeconds), 0)]
    [TestCase(nameof(ConfigurationModel.StepTimeBudgetSeconds), ConfigurationValidator.MaxStepTimeBudgetSeconds + 1)]
    [TestCase(nameof(ConfigurationModel.MaxOrdersPerQuery), 0)]
    [TestCase(nameof(ConfigurationModel.MaxOrdersPerQuery), ConfigurationValidator.MaxOrdersPerQueryLimit + 1)]
    [TestCase(nameof(ConfigurationModel.MaxFailedLoginAttempts), 0)]
    [TestCase(nameof(ConfigurationModel.LockoutMinutes), 0)]
    [TestCase(nameof(ConfigurationModel.LogRetentionDays), 0)]
    [TestCase(nameof(ConfigurationModel.MissingItemsAction), 2)]
    public void Out_of_range_numbers_are_refused(string property, int value)
    {
        var model = ValidModel();
        typeof(ConfigurationModel).GetProperty(property)!.SetValue(model, value);
        Assert.That(ErrorsOf(Validate(model), property), Is.Not.Empty);
    }

    [TestCase(nameof(ConfigurationModel.ResponseEncoding), "koi8-r")]
    [TestCase(nameof(ConfigurationModel.OrderEncoding), "")]
    [TestCase(nameof(ConfigurationModel.OrderSchemaVersion), "9.9")]
    public void Values_outside_their_list_are_refused(string property, string value)
    {
        var model = ValidModel();
        typeof(ConfigurationModel).GetProperty(property)!.SetValue(model, value);
        Assert.That(ErrorsOf(Validate(model), property), Is.Not.Empty);
    }

    [Test]
    public void Ip_list_accepts_addresses_and_networks()
    {
        var model = ValidModel() with { AllowedIpAddresses = "192.168.1.10, 10.0.0.0/8\r\n2001:db8::/32; ::1" };
        Assert.That(Validate(model).IsValid, Is.True);
    }

    [Test]
    public void Ip_list_names_the_entry_it_cannot_read()
    {
        var model = ValidModel() with { AllowedIpAddresses = "192.168.1.10, 192.168.1.300" };
        Assert.That(ErrorsOf(Validate(model), nameof(ConfigurationModel.AllowedIpAddresses)),
            Is.EqualTo(new[] { Fields + "AllowedIpAddresses.Invalid" }));
    }

    [Test]
    public void Well_formed_mapping_lines_are_valid()
    {
        var model = ValidModel() with
        {
            PriceTypeMappings = "Розничная=Price\n# comment\n\nСтарая цена=OldPrice\nОпт=Tier:Wholesale",
            WarehouseMappings = "Основной склад=1\n6f87e83f-722c-11df-b336-0011955cba6b=2",
            OrderStatusMappings = "[N] Принят=Pending\nОтгружен=Complete\nОтменен=Cancelled"
        };
        Assert.That(Validate(model).Errors.Select(e => e.ErrorMessage), Is.Empty);
    }

    [TestCase(nameof(ConfigurationModel.PriceTypeMappings), "Розничная=Price\nОпт=Discount")]
    [TestCase(nameof(ConfigurationModel.PriceTypeMappings), "Розничная=Tier:")]
    [TestCase(nameof(ConfigurationModel.WarehouseMappings), "Основной склад=main")]
    [TestCase(nameof(ConfigurationModel.WarehouseMappings), "Основной=1\nосновной=2")]
    [TestCase(nameof(ConfigurationModel.OrderStatusMappings), "Отгружен=Shipped")]
    [TestCase(nameof(ConfigurationModel.OrderStatusMappings), "Отгружен")]
    public void Malformed_mapping_lines_are_refused(string property, string text)
    {
        var model = ValidModel();
        typeof(ConfigurationModel).GetProperty(property)!.SetValue(model, text);
        Assert.That(ErrorsOf(Validate(model), property), Is.EqualTo(new[] { Fields + "MappingLine.Invalid" }));
    }

    [TestCase(0, 10, 100, nameof(ConfigurationModel.ListenTimeoutSeconds))]
    [TestCase(601, 10, 100, nameof(ConfigurationModel.ListenTimeoutSeconds))]
    [TestCase(60, -1, 100, nameof(ConfigurationModel.MaxWaitingListens))]
    [TestCase(60, 10, 0, nameof(ConfigurationModel.CatalogExportPageSize))]
    [TestCase(60, 10, 10_001, nameof(ConfigurationModel.CatalogExportPageSize))]
    public void Listen_and_catalog_export_settings_out_of_range_are_refused(int timeout, int waiting, int pageSize, string property)
    {
        var model = ValidModel() with { ListenTimeoutSeconds = timeout, MaxWaitingListens = waiting, CatalogExportPageSize = pageSize };

        var result = Validate(model);

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { property }));
        Assert.That(ErrorsOf(result, property).Single(), Does.Contain(".Range"));
    }
}
