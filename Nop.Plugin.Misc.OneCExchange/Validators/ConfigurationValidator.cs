using FluentValidation;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;
using OneCExchange.Core.Security;
using OneCExchange.Core.Settings;

namespace Nop.Plugin.Misc.OneCExchange.Validators;

/// <summary>Validates the configure page; the line formats are parsed by Core, as the exchange itself reads them.</summary>
public class ConfigurationValidator : BaseNopValidator<ConfigurationModel>
{
    public const int MinFileSizeLimitBytes = 64 * 1024;
    public const int MaxFileSizeLimitBytes = 1024 * 1024 * 1024;
    public const int MinStepTimeBudgetSeconds = 1;
    public const int MaxStepTimeBudgetSeconds = 600;
    public const int MaxOrdersPerQueryLimit = 100_000;
    public const int MaxFailedLoginAttemptsLimit = 100;
    public const int MaxLockoutMinutes = 24 * 60;
    public const int MaxLogRetentionDays = 3650;
    public const int MaxListenTimeoutSeconds = 600;
    public const int MaxWaitingListensLimit = 1000;
    public const int MaxCatalogExportPageSize = 10_000;
    public const int MaxUnpackedZipMegabytes = 64 * 1024;

    public ConfigurationValidator(ILocalizationService localizationService)
    {
        // Resolved once, as nopCommerce's WithMessageAwait does, so the rules also run without a store.
        string Message(string name) =>
            localizationService.GetResourceAsync($"Plugins.Misc.OneCExchange.Fields.{name}").GetAwaiter().GetResult();

        RuleFor(model => model.Login)
            .NotEmpty().When(model => model.Enabled)
            .WithMessage(Message("Login.Required"));

        RuleFor(model => model.NewPassword)
            .NotEmpty().When(model => model.Enabled && !model.HasPassword)
            .WithMessage(Message("NewPassword.Required"));

        RuleFor(model => model.FileSizeLimitBytes)
            .InclusiveBetween(MinFileSizeLimitBytes, MaxFileSizeLimitBytes)
            .WithMessage(string.Format(Message("FileSizeLimitBytes.Range"), MinFileSizeLimitBytes, MaxFileSizeLimitBytes));

        RuleFor(model => model.StepTimeBudgetSeconds)
            .InclusiveBetween(MinStepTimeBudgetSeconds, MaxStepTimeBudgetSeconds)
            .WithMessage(string.Format(Message("StepTimeBudgetSeconds.Range"), MinStepTimeBudgetSeconds, MaxStepTimeBudgetSeconds));

        RuleFor(model => model.MaxOrdersPerQuery)
            .InclusiveBetween(1, MaxOrdersPerQueryLimit)
            .WithMessage(string.Format(Message("MaxOrdersPerQuery.Range"), 1, MaxOrdersPerQueryLimit));

        RuleFor(model => model.MaxFailedLoginAttempts)
            .InclusiveBetween(1, MaxFailedLoginAttemptsLimit)
            .WithMessage(string.Format(Message("MaxFailedLoginAttempts.Range"), 1, MaxFailedLoginAttemptsLimit));

        RuleFor(model => model.LockoutMinutes)
            .InclusiveBetween(1, MaxLockoutMinutes)
            .WithMessage(string.Format(Message("LockoutMinutes.Range"), 1, MaxLockoutMinutes));

        RuleFor(model => model.MaxUnpackedZipMegabytes)
            .InclusiveBetween(1, MaxUnpackedZipMegabytes)
            .WithMessage(string.Format(Message("MaxUnpackedZipMegabytes.Range"), 1, MaxUnpackedZipMegabytes));
        RuleFor(model => model.StagingFolder)
            .Must(folder => string.IsNullOrWhiteSpace(folder) || Path.IsPathFullyQualified(folder.Trim()))
            .WithMessage(Message("StagingFolder.Absolute"));
        RuleFor(model => model.LogRetentionDays)
            .InclusiveBetween(1, MaxLogRetentionDays)
            .WithMessage(string.Format(Message("LogRetentionDays.Range"), 1, MaxLogRetentionDays));

        RuleFor(model => model.ResponseEncoding)
            .Must(OneCExchangeDefaults.Encodings.Contains)
            .WithMessage(Message("ResponseEncoding.Invalid"));

        RuleFor(model => model.OrderEncoding)
            .Must(OneCExchangeDefaults.Encodings.Contains)
            .WithMessage(Message("OrderEncoding.Invalid"));

        RuleFor(model => model.OrderSchemaVersion)
            .Must(OneCExchangeDefaults.OrderSchemaVersions.Contains)
            .WithMessage(Message("OrderSchemaVersion.Invalid"));

        RuleFor(model => model.MissingItemsAction)
            .InclusiveBetween(0, 1)
            .WithMessage(Message("MissingItemsAction.Invalid"));

        RuleFor(model => model.ListenTimeoutSeconds)
            .InclusiveBetween(1, MaxListenTimeoutSeconds)
            .WithMessage(string.Format(Message("ListenTimeoutSeconds.Range"), 1, MaxListenTimeoutSeconds));

        RuleFor(model => model.MaxWaitingListens)
            .InclusiveBetween(0, MaxWaitingListensLimit)
            .WithMessage(string.Format(Message("MaxWaitingListens.Range"), 0, MaxWaitingListensLimit));

        RuleFor(model => model.CatalogExportPageSize)
            .InclusiveBetween(1, MaxCatalogExportPageSize)
            .WithMessage(string.Format(Message("CatalogExportPageSize.Range"), 1, MaxCatalogExportPageSize));

        var invalidIp = Message("AllowedIpAddresses.Invalid");
        RuleFor(model => model.AllowedIpAddresses)
            .Custom((text, context) =>
            {
                if (!IpAllowList.TryParse(text, out _, out var entry))
                    context.AddFailure(string.Format(invalidIp, entry));
            });

        var invalidLine = Message("MappingLine.Invalid");
        RuleFor(model => model.PriceTypeMappings)
            .Custom((text, context) => AddLineFailures(MappingLines.ParsePriceTypes(text).InvalidLines, invalidLine, context));
        RuleFor(model => model.WarehouseMappings)
            .Custom((text, context) => AddLineFailures(MappingLines.ParseWarehouses(text).InvalidLines, invalidLine, context));
        RuleFor(model => model.OrderStatusMappings)
            .Custom((text, context) => AddLineFailures(MappingLines.ParseOrderStatuses(text).InvalidLines, invalidLine, context));
    }

    private static void AddLineFailures(IReadOnlyList<int> invalidLines, string message, ValidationContext<ConfigurationModel> context)
    {
        if (invalidLines.Count > 0)
            context.AddFailure(string.Format(message, string.Join(", ", invalidLines)));
    }
}
